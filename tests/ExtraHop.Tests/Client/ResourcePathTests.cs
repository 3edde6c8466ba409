using System;
using ExtraHop.Api;
using ExtraHop.Http;
using Xunit;

namespace ExtraHop.Tests.Client
{
    /// <summary>The {id} segments of API paths: escaped, and never a value that would name another resource.</summary>
    public sealed class ResourcePathTests
    {
        [Theory]
        [InlineData("")]
        [InlineData(" ")]
        [InlineData(".")]
        [InlineData("..")]
        [InlineData("a\r\nb")]
        [InlineData("a\u0000")]
        public void ValuesThatWouldEscapeTheResourceAreRefusedNamingTheParameter(string value)
        {
            var refused = Assert.Throws<ArgumentException>(() => ResourcePath.Segment(value, "Id"));
            Assert.Equal("Id", refused.ParamName);
            Assert.StartsWith("-Id ", refused.Message);
        }

        [Theory]
        [InlineData("7", "7")]
        [InlineData("a/../b", "a%2F..%2Fb")]
        [InlineData("%2e%2e", "%252e%252e")]
        [InlineData("user name?x=1#y", "user%20name%3Fx%3D1%23y")]
        [InlineData("...", "...")]
        public void EverythingElseIsEscapedIntoOneSegment(string value, string segment) =>
            Assert.Equal(segment, ResourcePath.Segment(value, "Name"));

        [Fact]
        public void JobLocationsAndUserPathsUseIt()
        {
            Assert.Equal("/api/v1/jobs/a%2Fb", JobApi.LocationOf("a/b"));
            Assert.Throws<ArgumentException>(() => JobApi.LocationOf(".."));
        }
    }
}
