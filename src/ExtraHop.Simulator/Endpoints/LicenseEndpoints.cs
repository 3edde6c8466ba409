using System;
using System.Threading.Tasks;
using ExtraHop.Simulator.Engine;
using ExtraHop.Simulator.Http;
using ExtraHop.Simulator.Resources;

namespace ExtraHop.Simulator.Endpoints;

/// <summary>
/// /license and /license/productkey. A new license or product key is registered by a job ("Apply and register"),
/// whose Location the answer carries (202); one that is already applied changes nothing and gets 204, as the
/// reference says a job is created only when the license changed. Where real appliances put the job is not
/// documented (INFERRED: like every other job here).
/// </summary>
internal static class LicenseEndpoints
{
    public const string LicenseJobType = "License registration";
    public const string ProductKeyJobType = "Product key registration";

    public static Task GetLicenseAsync(ApiContext c) => c.OkAsync(c.Appliance.License.View(c.Engine.Host.Clock.WallNow));

    public static Task PutLicenseAsync(ApiContext c)
    {
        var license = LicenseFile.Parse(c.BodyText)
            ?? throw new ApiErrorException(400, "The request body is not a license");
        if (c.Engine.Faults.TryTakeLicenseRefusal(out var refusal))
        {
            throw new ApiErrorException(400, refusal);
        }

        if (string.Equals(license.Text, c.Appliance.License.Dossier, StringComparison.Ordinal))
        {
            return c.NoContentAsync();
        }

        var store = c.Appliance.License;
        var clock = c.Engine.Host.Clock;
        var job = c.Engine.StartJob(_ => Registration(LicenseJobType, () => store.Apply(license, clock.WallNow)));
        return c.AcceptedAsync(job);
    }

    public static Task GetProductKeyAsync(ApiContext c) => c.OkAsync(new ProductKeyBody(c.Appliance.License.ProductKey));

    public static Task PutProductKeyAsync(ApiContext c)
    {
        var key = c.ReadJson<ProductKeyBody>()?.ProductKey;
        if (!LicenseStore.IsProductKey(key))
        {
            throw new ApiErrorException(400, "product_key is required and must be a product key (groups of four letters or digits joined by dashes)");
        }

        if (string.Equals(key, c.Appliance.License.ProductKey, StringComparison.OrdinalIgnoreCase))
        {
            return c.NoContentAsync();
        }

        var store = c.Appliance.License;
        var job = c.Engine.StartJob(_ => Registration(ProductKeyJobType, () => store.SetProductKey(key!.ToUpperInvariant())));
        return c.AcceptedAsync(job);
    }

    private static JobSpec Registration(string type, Action onDone) => new(
        type,
        new[]
        {
            new JobStep("Contacting ExtraHop licensing", TimeSpan.FromSeconds(30), StepKind.Work),
            new JobStep("Registering license", TimeSpan.FromSeconds(30), StepKind.Work),
        },
        null,
        null,
        false,
        OnDone: onDone);

    private sealed record ProductKeyBody(string? ProductKey);
}
