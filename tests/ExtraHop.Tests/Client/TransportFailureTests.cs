using System.IO;
using System.Net.Http;
using System.Net.Sockets;
using ExtraHop.Http;
using Xunit;

namespace ExtraHop.Tests.Client
{
    /// <summary>
    /// A connection that ends under a request is a transport failure however the runtime reports it: wrapped in an
    /// HttpRequestException, or (seen while a simulated appliance restarted its web server) as a bare SocketException.
    /// A failure to write a downloaded file is not one: it must reach the caller as it is, never retried.
    /// </summary>
    public sealed class TransportFailureTests
    {
        [Fact]
        public void ABareSocketExceptionIsAConnectionThatEndedAndMayHaveCarriedTheRequest()
        {
            var ended = new SocketException((int)SocketError.NotConnected);

            Assert.True(RequestFailures.IsTransport(ended));
            ExtraHopApiException failure = RequestFailures.FromTransport(ended, "eda01", "PUT", "/api/v1/extrahop/sslcert", TlsPolicy.Validate(), 0);

            Assert.Equal(ApiFailureKind.ConnectionFailed, failure.Kind);
            Assert.Equal(RequestDelivery.Unanswered, failure.Delivery);
            Assert.StartsWith("eda01 did not answer PUT /api/v1/extrahop/sslcert", failure.Message);
        }

        [Fact]
        public void AWrappedFailureIsTransportButAFileWriteFailureIsNot()
        {
            Assert.True(RequestFailures.IsTransport(new HttpRequestException("reset", new IOException("reset"))));
            Assert.False(RequestFailures.IsTransport(new IOException("There is not enough space on the disk.")));
        }
    }
}
