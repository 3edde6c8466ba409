using System;
using ExtraHop.Http;
using Xunit;

namespace ExtraHop.Tests.Client
{
    /// <summary>The appliance's own words in an error: from JSON or plain text, cleaned and bounded.</summary>
    public sealed class ApplianceMessageTests
    {
        [Fact]
        public void JsonErrorMessagesAndOAuthErrorsAreRead()
        {
            Assert.Equal("Firmware image failed validation", ApplianceMessage.Read("{\"error_message\":\"Firmware image failed validation\"}", "application/json"));
            Assert.Equal("invalid_client", ApplianceMessage.Read("{\"error\":\"invalid_client\"}", null));
        }

        [Fact]
        public void PlainTextIsReadTrimmedAndCleanOfControlCharacters()
        {
            Assert.Equal("The specified access token is invalid", ApplianceMessage.Read("  The specified access token is invalid\r\n", "text/plain"));
            Assert.Equal("Backend down [31m retry later", ApplianceMessage.Read("Backend down\u001b[31m\n\n retry later", "text/plain"));
        }

        [Fact]
        public void LongTextIsCutToABoundedLength()
        {
            string text = ApplianceMessage.Read(new string('x', 10_000), "text/plain")!;
            Assert.Equal(ApplianceMessage.MaxLength, text.Length);
            Assert.EndsWith("…", text);
        }

        [Fact]
        public void PagesAndEmptyBodiesHaveNoMessage()
        {
            Assert.Null(ApplianceMessage.Read("<html><body>503</body></html>", "text/html"));
            Assert.Null(ApplianceMessage.Read(" \r\n", "text/plain"));
            Assert.Null(ApplianceMessage.Read("{}", "application/json"));
        }
    }
}
