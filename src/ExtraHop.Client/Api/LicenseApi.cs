using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Http;
using ExtraHop.Licensing;
using ExtraHop.Models;

namespace ExtraHop.Api
{
    /// <summary>/license and /license/productkey: the appliance's license, and applying a new license or product key.</summary>
    internal static class LicenseApi
    {
        private const string LicensePath = "license";
        private const string ProductKeyPath = "license/productkey";

        /// <summary>The license, with its expiry as a date and the days left (the health report reads this).</summary>
        public static async Task<ExtraHopLicense> GetAsync(ExtraHopSession session, CancellationToken cancellationToken)
        {
            ApiResponse response = await session.Connection.SendAsync(ApiRequest.Get(LicensePath), cancellationToken).ConfigureAwait(false);
            ExtraHopLicense license = ResponseReader.ReadModel<ExtraHopLicense>(session.Connection, response, LicensePath).From(session);
            LicenseTerms.Fill(license, DateTimeOffset.Now);
            return license;
        }

        /// <summary>Applies a license; returns the registration job when the appliance started one, null when it had nothing to register.</summary>
        public static Task<ExtraHopJob?> ApplyAsync(ExtraHopSession session, LicenseText license, CancellationToken cancellationToken) =>
            PutAsync(session, new ApiRequest(HttpMethod.Put, LicensePath, license.CreateContent), cancellationToken);

        public static async Task<ExtraHopProductKey> GetProductKeyAsync(ExtraHopSession session, CancellationToken cancellationToken)
        {
            ApiResponse response = await session.Connection.SendAsync(ApiRequest.Get(ProductKeyPath), cancellationToken).ConfigureAwait(false);
            return ResponseReader.ReadModel<ExtraHopProductKey>(session.Connection, response, ProductKeyPath).From(session);
        }

        /// <summary>Applies a product key (already checked by <see cref="ProductKeyText"/>); returns the registration job, if any.</summary>
        public static Task<ExtraHopJob?> SetProductKeyAsync(ExtraHopSession session, string productKey, CancellationToken cancellationToken) =>
            PutAsync(session, new ApiRequest(HttpMethod.Put, ProductKeyPath, () => Json.JsonBody.Create(new Dictionary<string, object> { ["product_key"] = productKey })), cancellationToken);

        /// <summary>
        /// The reference says these PUTs answer 204 and create a registration job only when something changed, without
        /// saying where the job is named (INFERRED: a Location header, as for every other job, with 202 or 204). A
        /// Location is followed; none means nothing to wait for. Such a PUT is not repeated blindly after a lost answer:
        /// a running job it may have started is followed instead.
        /// </summary>
        private static async Task<ExtraHopJob?> PutAsync(ExtraHopSession session, ApiRequest request, CancellationToken cancellationToken)
        {
            request.SafeToRetry = false;
            request.FindJobItStarted = token => JobApi.FindRunningAsync(session, token);
            ApiResponse response = await session.Connection.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return string.IsNullOrEmpty(response.Location) ? null : JobApi.Pending(session, response.Location!);
        }
    }
}
