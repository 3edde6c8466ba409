using System;
using ExtraHop.Http;
using Xunit;

namespace ExtraHop.Tests.Client
{
    public sealed class ServerAddressTests
    {
        [Theory]
        [InlineData("eh01.example.com", "https://eh01.example.com/api/v1/", "eh01.example.com")]
        [InlineData("EH01.example.com:8443", "https://eh01.example.com:8443/api/v1/", "eh01.example.com:8443")]
        [InlineData("https://eh01.example.com", "https://eh01.example.com/api/v1/", "eh01.example.com")]
        [InlineData("https://eh01.example.com/api/v1", "https://eh01.example.com/api/v1/", "eh01.example.com")]
        [InlineData(" 10.1.2.3 ", "https://10.1.2.3/api/v1/", "10.1.2.3")]
        [InlineData("[::1]:9443", "https://[::1]:9443/api/v1/", "[::1]:9443")]
        public void ParsesWhatUsersType(string input, string baseUri, string display)
        {
            ServerAddress address = ServerAddress.Parse(input);
            Assert.Equal(baseUri, address.BaseUri.ToString());
            Assert.Equal(display, address.DisplayName);
        }

        [Theory]
        [InlineData("")]
        [InlineData("ftp://eh01")]
        [InlineData("https://user:key@eh01")]
        [InlineData("eh01:0")]
        [InlineData("https://eh01:0/api/v1")]
        public void RefusesWhatCannotBeAnAppliance(string input) =>
            Assert.Throws<ArgumentException>(() => ServerAddress.Parse(input));

        [Theory]
        [InlineData("eh01", null)]
        [InlineData("https://eh01/", null)]
        [InlineData("https://eh01/api/v1", null)]
        [InlineData("https://eh01/API/v1/", null)]
        [InlineData("https://eh01/extrahop/", "/extrahop/")]
        [InlineData("https://eh01/api/v1/users?x=1", "/api/v1/users?x=1")]
        [InlineData("https://eh01/#/upgrade", "/#/upgrade")]
        public void ReportsAPathItDoesNotUse(string input, string? ignored)
        {
            ServerAddress address = ServerAddress.Parse(input);
            Assert.Equal("https://eh01/api/v1/", address.BaseUri.ToString());
            Assert.Equal(ignored, address.IgnoredPath);
        }
    }
}
