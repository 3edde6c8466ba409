using System.Collections.Generic;
using System.Linq;
using ExtraHop.Api;
using Xunit;

namespace ExtraHop.Tests.Client
{
    /// <summary>What Invoke-EHRestMethod makes of the paths users give it: always below /api/v1, each segment escaped once.</summary>
    public sealed class RestPathTests
    {
        private static readonly KeyValuePair<string, string>[] NoQuery = new KeyValuePair<string, string>[0];

        [Theory]
        [InlineData("devices", "devices")]
        [InlineData("/devices/7", "devices/7")]
        [InlineData("/api/v1/tags/3/devices", "tags/3/devices")]
        [InlineData("API/V1/extrahop", "extrahop")]
        [InlineData("users/Jane Doe", "users/Jane%20Doe")]
        [InlineData("users/Jane%20Doe", "users/Jane%20Doe")]
        [InlineData("devices?limit=5&search_type=ip%20address", "devices?limit=5&search_type=ip%20address")]
        public void PathsBelowTheApiRootAreKeptAndEscapedOnce(string given, string expected) =>
            Assert.Equal(expected, RestPath.Build(given, NoQuery));

        [Theory]
        [InlineData("../extrahop")]
        [InlineData("devices/../../oauth2/token")]
        [InlineData("%2e%2e/oauth2/token")]
        [InlineData("users/a%2Fb")]
        [InlineData("https://evil.example.com/api/v1/users")]
        [InlineData("//evil.example.com/api/v1/users")]
        [InlineData("api/v2/users")]
        [InlineData("/api/v1")]
        [InlineData("devices\\7")]
        [InlineData("devices//7")]
        [InlineData("devices#top")]
        [InlineData("devices/\u00007")]
        [InlineData("  ")]
        public void PathsThatWouldLeaveTheApiRootAreRefused(string given) =>
            Assert.Throws<InvalidApiPathException>(() => RestPath.Build(given, NoQuery));

        [Fact]
        public void QueryPairsFollowThePathsOwnAndAreEscaped()
        {
            var query = new[] { new KeyValuePair<string, string>("search_type", "ip address"), new KeyValuePair<string, string>("value", "10.0.0.1&x=1") };
            Assert.Equal("devices?limit=5&search_type=ip%20address&value=10.0.0.1%26x%3D1", RestPath.Build("devices?limit=5", query));
        }

        [Theory]
        [InlineData("/api/v1/tags/12", 12L)]
        [InlineData("https://eda/api/v1/tags/13", 13L)]
        [InlineData("/api/v1/users/jane%20doe", "jane doe")]
        [InlineData("/api/v1/jobs/abc-1/", "abc-1")]
        public void TheIdOfA201IsTheLastSegmentOfItsLocation(string location, object id) =>
            Assert.Equal(id, RestPath.IdFromLocation(location));
    }
}
