using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using ExtraHop.Simulator.Engine;
using ExtraHop.Simulator.Http;
using ExtraHop.Simulator.Tls;

namespace ExtraHop.Simulator.Endpoints;

/// <summary>
/// /extrahop/sslcert: regenerate the self-signed TLS certificate (a job, 201 + Location), replace it with a
/// certificate and key sent as PEM text (204), and make a certificate signing request. A new certificate takes
/// effect as on an appliance whose web server restarts: open connections end, new ones meet the new certificate.
/// </summary>
internal static class CertificateEndpoints
{
    public const string RegenerateJobType = "TLS certificate generation";

    public static Task RegenerateAsync(ApiContext c)
    {
        var listener = c.Appliance.Listener;
        var background = c.Engine.Host.Background;
        var job = c.Engine.StartJob(_ => new JobSpec(
            RegenerateJobType,
            new[]
            {
                new JobStep("Generating TLS certificate", TimeSpan.FromSeconds(20), StepKind.Work),
                new JobStep("Restarting web server", TimeSpan.FromSeconds(10), StepKind.Work),
            },
            null,
            null,
            false,
            OnDone: () => background.Run(stopping => listener.ServeNewCertificateAsync(CertificateSet.CreateSelfSignedServer(), stopping))));
        return c.CreatedAsync(ApiPaths.Job(job.Id));
    }

    /// <summary>The body is the certificate (with any chain) and the private key as PEM text, one after the other (VERIFIED: not JSON).</summary>
    public static Task ReplaceAsync(ApiContext c)
    {
        var text = c.BodyText ?? string.Empty;
        if (!text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
        {
            throw new ApiErrorException(400, "The request body holds no PEM certificate");
        }

        if (!text.Contains("PRIVATE KEY-----", StringComparison.Ordinal))
        {
            throw new ApiErrorException(400, "The request body holds no PEM private key");
        }

        X509Certificate2 certificate;
        try
        {
            using var loaded = X509Certificate2.CreateFromPem(text, text);
            certificate = CertificateSet.UsableByTlsServers(loaded);
        }
        catch (CryptographicException e)
        {
            throw new ApiErrorException(400, $"The certificate and private key cannot be used: {e.Message}");
        }

        var listener = c.Appliance.Listener;
        var background = c.Engine.Host.Background;
        c.Engine.Record(SimulatorEventKind.CertificateReplaced, "sha256=" + certificate.GetCertHashString(HashAlgorithmName.SHA256));
        c.Http.Response.Headers.Connection = "close";
        c.Http.Response.OnCompleted(() =>
        {
            background.Run(stopping => listener.ServeNewCertificateAsync(certificate, stopping));
            return Task.CompletedTask;
        });
        return c.NoContentAsync();
    }

    public static Task CreateSigningRequestAsync(ApiContext c)
    {
        var request = c.ReadJson<SigningRequestBody>();
        var subject = request?.Subject;
        if (string.IsNullOrWhiteSpace(subject?.CommonName))
        {
            throw new ApiErrorException(400, "subject.common_name is required");
        }

        if (subject.CountryCode is { Length: not 2 })
        {
            throw new ApiErrorException(400, "subject.country_code must be a two-letter country code");
        }

        var names = (request!.SubjectAlternativeNames ?? new List<AlternativeName>())
            .Select(n => (n.Type?.ToLowerInvariant() ?? "dns", n.Name ?? string.Empty))
            .ToList();
        if (names.Any(n => n.Item2.Length == 0 || (n.Item1 != "dns" && n.Item1 != "ip")))
        {
            throw new ApiErrorException(400, "Each subject alternative name needs a type (dns or ip) and a name");
        }

        try
        {
            return c.OkAsync(new SigningRequestAnswer(SigningRequests.Create(subject, names)));
        }
        catch (ArgumentException e)
        {
            throw new ApiErrorException(400, $"The signing request cannot be made: {e.Message}");
        }
    }

    private sealed record SigningRequestBody(SubjectFields? Subject, List<AlternativeName>? SubjectAlternativeNames);

    private sealed record AlternativeName(string? Type, string? Name);

    /// <summary>INFERRED field name: the reference says the answer contains the CSR.</summary>
    private sealed record SigningRequestAnswer(string Csr);
}
