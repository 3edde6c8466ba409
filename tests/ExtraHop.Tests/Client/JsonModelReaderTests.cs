using System;
using ExtraHop.Json;
using ExtraHop.Models;
using Xunit;

namespace ExtraHop.Tests.Client
{
    public sealed class JsonModelReaderTests
    {
        [Fact]
        public void KnownFieldsMapAndUnknownOnesAreKept()
        {
            ExtraHopUser user = JsonModelReader.Read<ExtraHopUser>(@"{
                ""username"": ""admin"", ""name"": ""Admin"", ""type"": ""local"", ""enabled"": true,
                ""granted_roles"": {""system"": ""full"", ""future_family"": ""full""},
                ""creation_date"": 1700000000000,
                ""mfa_enrolled"": true, ""tags"": [1, 2]
            }");
            Assert.Equal("admin", user.Username);
            Assert.True(user.Enabled);
            Assert.Equal("full", user.GrantedPrivileges.System);
            Assert.Equal("full", user.GrantedPrivileges.ExtensionData["future_family"]);
            Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1700000000000), user.CreationDate);
            Assert.Equal(true, user.ExtensionData["mfa_enrolled"]);
            Assert.Equal(new object[] { 1L, 2L }, (object[])user.ExtensionData["tags"]!);
        }

        [Fact]
        public void AFieldOfAnUnexpectedShapeIsKeptInsteadOfFailing()
        {
            ExtraHopUser user = JsonModelReader.Read<ExtraHopUser>(@"{""username"": ""x"", ""enabled"": ""yes"", ""last_login_time"": ""never""}");
            Assert.Null(user.Enabled);
            Assert.Equal("yes", user.ExtensionData["enabled"]);
            Assert.Equal("never", user.ExtensionData["last_login_time"]);
        }

        [Fact]
        public void ErrorMessagesAreReadFromEitherShape()
        {
            Assert.Equal("bad key", JsonModelReader.ReadErrorMessage(@"{""error_message"": ""bad key""}"));
            Assert.Equal("invalid_client", JsonModelReader.ReadErrorMessage(@"{""error"": ""invalid_client""}"));
            Assert.Null(JsonModelReader.ReadErrorMessage("<html>booting</html>"));
        }

        [Theory]
        [InlineData("GrantedRoles", "granted_roles")]
        [InlineData("StepNumber", "step_number")]
        [InlineData("ManagementAddress", "management_address")]
        [InlineData("IDRACAddress", "idrac_address")]
        public void SnakeCase(string pascal, string snake) => Assert.Equal(snake, JsonModelReader.SnakeCase(pascal));
    }
}
