using System;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Api;
using ExtraHop.Http;
using ExtraHop.Models;
using ExtraHop.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
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
        public void JobLocationsUseIt()
        {
            Assert.Equal("/api/v1/jobs/a%2Fb", JobApi.LocationOf("a/b"));
            Assert.Throws<ArgumentException>(() => JobApi.LocationOf(".."));
        }

        [Fact]
        public async Task AListedJobIdThatCannotBeASegmentIsTheAppliancesFaultNotAnArgument()
        {
            await using var appliance = await LoopbackServer.StartAsync(context =>
            {
                context.Response.ContentType = "application/json";
                return context.Response.WriteAsync(context.Request.Path == "/api/v1/jobs" ? "[{\"id\":\"..\",\"status\":\"RUNNING\"}]" : "{\"version\":\"9.8.1.1000\"}");
            });
            var settings = new ConnectionSettings { AllowUnencryptedAuthentication = true };
            ExtraHopSession session = await ApplianceConnector.ConnectAsync(new ConnectRequest(appliance.Url, settings) { ApiKey = Simulators.Secure("key") }, CancellationToken.None);

            var failure = await Assert.ThrowsAsync<ExtraHopApiException>(() => JobApi.ListAsync(session, CancellationToken.None));
            Assert.Equal(ApiFailureKind.InvalidResponse, failure.Kind);
        }
    }
}
