using System;
using System.Net.Http;
using ExtraHop.Http;
using Xunit;

namespace ExtraHop.Tests.Client
{
    public sealed class PolicyTests
    {
        [Fact]
        public void RetryDelaysGrowAndAreCapped()
        {
            var policy = new RetryPolicy(5, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
            Assert.InRange(policy.DelayFor(0, null).TotalSeconds, 0.8, 1.2);
            Assert.InRange(policy.DelayFor(1, null).TotalSeconds, 1.6, 2.4);
            Assert.InRange(policy.DelayFor(10, null).TotalSeconds, 4.0, 6.0);
        }

        [Fact]
        public void RetryAfterWinsWhenLonger()
        {
            var policy = new RetryPolicy(3, TimeSpan.Zero);
            Assert.Equal(TimeSpan.FromSeconds(7), policy.DelayFor(0, TimeSpan.FromSeconds(7)));
            Assert.Equal(TimeSpan.FromMinutes(5), policy.DelayFor(0, TimeSpan.FromHours(2)));
        }

        [Fact]
        public void RetryAfterReadsSecondsAndDates()
        {
            var now = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
            Assert.Equal(TimeSpan.FromSeconds(30), RetryPolicy.ParseRetryAfter("30", now));
            Assert.Equal(TimeSpan.FromSeconds(90), RetryPolicy.ParseRetryAfter("Mon, 23 Nov 2026 12:01:30 GMT", now));
            Assert.Null(RetryPolicy.ParseRetryAfter("soon", now));
        }

        [Fact]
        public void OnlySafeMethodsAndTransientStatusesRetry()
        {
            Assert.True(RetryPolicy.IsIdempotent(HttpMethod.Get));
            Assert.True(RetryPolicy.IsIdempotent(HttpMethod.Delete));
            Assert.False(RetryPolicy.IsIdempotent(HttpMethod.Post));
            Assert.False(RetryPolicy.IsIdempotent(new HttpMethod("PATCH")));
            foreach (int status in new[] { 408, 429, 502, 503, 504 }) Assert.True(RetryPolicy.IsTransientStatus(status));
            foreach (int status in new[] { 400, 401, 403, 404, 500 }) Assert.False(RetryPolicy.IsTransientStatus(status));
        }

        [Theory]
        [InlineData(ApiFailureKind.ConnectionFailed, RequestDelivery.NotSent, null, null, true)]
        [InlineData(ApiFailureKind.ConnectionFailed, RequestDelivery.Unanswered, null, null, false)]
        [InlineData(ApiFailureKind.HttpStatus, RequestDelivery.Answered, 429, null, true)]
        [InlineData(ApiFailureKind.HttpStatus, RequestDelivery.Answered, 503, 1, true)]
        [InlineData(ApiFailureKind.HttpStatus, RequestDelivery.Answered, 503, null, false)]
        [InlineData(ApiFailureKind.HttpStatus, RequestDelivery.Answered, 502, null, false)]
        [InlineData(ApiFailureKind.HttpStatus, RequestDelivery.Answered, 500, null, false)]
        [InlineData(ApiFailureKind.Timeout, RequestDelivery.Unanswered, null, null, false)]
        public void ARequestThatChangesSomethingIsResentOnlyWhenTheFailureShowsItWasNotActedOn(ApiFailureKind kind, RequestDelivery delivery, int? status, int? retryAfter, bool resend)
        {
            var failure = new ExtraHopApiException(kind, "x", "eh01", "POST", "/extrahop/firmware/latest/upgrade", (System.Net.HttpStatusCode?)status)
            {
                Delivery = delivery,
                RetryAfter = retryAfter.HasValue ? TimeSpan.FromSeconds(retryAfter.Value) : null,
            };
            Assert.Equal(resend, RetryPolicy.MayResend(safeToRepeat: false, failure));
            Assert.Equal(failure.IsTransient, RetryPolicy.MayResend(safeToRepeat: true, failure));
        }

        [Fact]
        public void AnErrorSaysHowManyAttemptsWereMade()
        {
            var failure = new ExtraHopApiException(ApiFailureKind.HttpStatus, "eh01: GET /users failed with 502 (BadGateway): x", "eh01", "GET", "/users", System.Net.HttpStatusCode.BadGateway);
            Assert.DoesNotContain("Tried", failure.Message);
            failure.Attempts = 4;
            Assert.Equal("eh01: GET /users failed with 502 (BadGateway): x. Tried 4 times.", failure.Message);
        }

        [Theory]
        [InlineData("ab:cd:ef:01:23:45:67:89:ab:cd:ef:01:23:45:67:89:ab:cd:ef:01:23:45:67:89:ab:cd:ef:01:23:45:67:89")]
        [InlineData("ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789")]
        [InlineData("AB CD EF 01 23 45 67 89 AB CD EF 01 23 45 67 89 AB CD EF 01 23 45 67 89 AB CD EF 01 23 45 67 89")]
        public void FingerprintsNormalise(string input) =>
            Assert.Equal("ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789", TlsPolicy.NormalizeSha256(input));

        [Fact]
        public void Sha1ThumbprintIsRefusedWithAHint()
        {
            var ex = Assert.Throws<ArgumentException>(() => TlsPolicy.NormalizeSha256(new string('A', 40)));
            Assert.Contains("SHA-1", ex.Message);
        }
    }
}
