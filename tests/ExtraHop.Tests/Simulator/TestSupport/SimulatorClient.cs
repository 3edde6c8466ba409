using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ExtraHop.Simulator.Tests.TestSupport;

/// <summary>
/// A plain HttpClient that trusts the simulator's CA (and nothing else), as a careful client would.
/// Requests name an appliance and a path; the API key defaults to the appliance's admin key.
/// </summary>
public sealed class SimulatorClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly X509Certificate2 _authority;

    public SimulatorClient(SimulatorHost host, TimeSpan? timeout = null)
        : this(host.CaCertificatePem, timeout)
    {
    }

    public SimulatorClient(string caCertificatePem, TimeSpan? timeout = null)
    {
        _authority = X509Certificate2.CreateFromPem(caCertificatePem);
        var handler = new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, errors) => TrustedByAuthority(certificate, errors) },
        };
        _http = new HttpClient(handler) { Timeout = timeout ?? TimeSpan.FromSeconds(30) };
    }

    public Task<ApiResponse> GetAsync(SimulatedAppliance appliance, string path, string? apiKey = null, CancellationToken cancellationToken = default) =>
        SendAsync(appliance, HttpMethod.Get, path, apiKey: apiKey, cancellationToken: cancellationToken);

    public Task<ApiResponse> PostJsonAsync(SimulatedAppliance appliance, string path, string json, string? apiKey = null) =>
        SendAsync(appliance, HttpMethod.Post, path, new StringContent(json, Encoding.UTF8, "application/json"), apiKey);

    public Task<ApiResponse> PatchJsonAsync(SimulatedAppliance appliance, string path, string json, string? apiKey = null) =>
        SendAsync(appliance, HttpMethod.Patch, path, new StringContent(json, Encoding.UTF8, "application/json"), apiKey);

    /// <summary>A POST with no body and no Content-Type, the way the official upgrade script starts an upgrade.</summary>
    public Task<ApiResponse> PostEmptyAsync(SimulatedAppliance appliance, string path, string? apiKey = null) =>
        SendAsync(appliance, HttpMethod.Post, path, apiKey: apiKey);

    public Task<ApiResponse> UploadAsync(SimulatedAppliance appliance, HttpContent image, string? apiKey = null)
    {
        image.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.extrahop.firmware");
        return SendAsync(appliance, HttpMethod.Post, "/api/v1/extrahop/firmware", image, apiKey);
    }

    public Task<ApiResponse> SendAsync(
        SimulatedAppliance appliance,
        HttpMethod method,
        string path,
        HttpContent? content = null,
        string? apiKey = null,
        string? authorization = null,
        CancellationToken cancellationToken = default) =>
        SendAsync(appliance.Server, method, path, content, authorization ?? $"ExtraHop apikey={apiKey ?? appliance.ApiKey}", cancellationToken);

    /// <summary>A request to any server ("host:port"), with the Authorization header as given.</summary>
    public async Task<ApiResponse> SendAsync(
        string server,
        HttpMethod method,
        string path,
        HttpContent? content,
        string authorization,
        CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(method, $"https://{server}{path}") { Content = content };
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await _http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return new ApiResponse((int)response.StatusCode, body, response.Content.Headers.ContentType?.MediaType, response.Headers);
    }

    public void Dispose()
    {
        _http.Dispose();
        _authority.Dispose();
    }

    private bool TrustedByAuthority(X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(_authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return chain.Build(leaf);
    }
}
