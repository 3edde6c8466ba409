using System;
using System.Globalization;
using System.IO.Compression;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using ExtraHop.Simulator.Firmware;
using ExtraHop.Simulator.Http;
using ExtraHop.Simulator.Resources;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ExtraHop.Simulator.Endpoints;

/// <summary>
/// GET|POST /packets/search (9.9 guide; the <c>packets</c> privilege): the stored packets of a sensor or
/// packetstore in a time window, streamed as a valid pcap, pcapng, or zip (pcap plus session keys). The parameters
/// are the reference's INFERRED ones, from the query (GET) or a JSON body (POST): output, from, until (ms since the
/// epoch, or relative such as "-10m"; until 0 is now), bpf, ip1, port1, ip2, port2, limit_bytes,
/// limit_search_duration (ms, or with a unit), always_return_body. The whole window holds
/// <see cref="ApplianceOptions.PacketCaptureBytes"/> of packets; nothing matches a window that ends before the
/// appliance started or starts after now, nor any filter or address in 192.0.2.0/24 (TEST-NET-1), which gets 204.
/// A cut by limit_bytes (or a limit_search_duration under one second, which stops the search half way) is said
/// in the header <see cref="LimitHeader"/> (the real appliance's signal is UNKNOWN).
/// </summary>
internal static class PacketEndpoints
{
    public const string FirstVersion = "9.9";
    public const string LimitHeader = "ExtraHop-Limit-Reached";
    private static readonly string[] Outputs = { "pcap", "pcapng", "zip", "keylog_txt" };

    public static async Task SearchAsync(ApiContext c)
    {
        if (FirmwareVersion.Compare(c.Engine.Facts().CurrentVersion, FirstVersion) < 0)
        {
            throw new ApiErrorException(404, $"The requested resource was not found: {c.Http.Request.Path}");
        }

        if (c.Engine.Role is not (ApplianceRole.Sensor or ApplianceRole.Packetstore))
        {
            throw new ApiErrorException(404, "This appliance stores no packets; search a packetstore or a sensor with packet capture");
        }

        var level = c.Caller!.EffectiveRoles.TryGetValue("packets", out var granted) ? granted : null;
        if (level is null)
        {
            throw new ApiErrorException(403, "You do not have the privileges required for this operation (packets)");
        }

        var query = Read(c);
        var output = Text(query, "output") ?? "pcap";
        if (!Outputs.Contains(output))
        {
            throw new ApiErrorException(400, $"Invalid output '{output}'; expected one of {string.Join(", ", Outputs)}");
        }

        if (output is "zip" or "keylog_txt" && level != "full_with_keys")
        {
            throw new ApiErrorException(403, "You do not have the privileges required for session keys (packets: full_with_keys)");
        }

        var now = c.Engine.Host.Clock.WallNow;
        var from = Time(query, "from", now) ?? now.AddMinutes(-5);
        var until = Time(query, "until", now) ?? now;
        if (from > until)
        {
            throw new ApiErrorException(400, "from must not be after until");
        }

        var bpf = Text(query, "bpf");
        if (bpf is not null && BpfCheck.Problem(bpf) is { } problem)
        {
            throw new ApiErrorException(400, $"Invalid BPF filter: {problem}");
        }

        var ip1 = Address(query, "ip1");
        var ip2 = Address(query, "ip2");
        var nothing = from > now || until < now.AddDays(-7) || $"{bpf} {ip1} {ip2}".Contains("192.0.2.", StringComparison.Ordinal);
        var alwaysBody = query.TryGetProperty("always_return_body", out var always) && (always.ValueKind == JsonValueKind.True || always.ToString() == "true");
        if (nothing && !alwaysBody)
        {
            c.Http.Response.StatusCode = 204;
            return;
        }

        var writer = new CaptureWriter(output == "pcapng", level == "slices_only" ? 64 : 65535,
            ip1 ?? IPAddress.Parse("10.1.1.5"), Port(query, "port1") ?? 443, ip2 ?? IPAddress.Parse("10.1.1.9"), Port(query, "port2") ?? 51000);
        long packets = nothing ? 0 : Math.Max(1, (c.Appliance.PacketCaptureBytes - writer.HeaderBytes) / writer.PacketBytes);
        var limitBytes = Number(query, "limit_bytes");
        if (limitBytes is { } limit && writer.HeaderBytes + packets * writer.PacketBytes > limit)
        {
            packets = Math.Max(0, (limit - writer.HeaderBytes) / writer.PacketBytes);
            c.Http.Response.Headers[LimitHeader] = "limit_bytes";
        }
        else if (Duration(query, "limit_search_duration") is { } duration && duration < TimeSpan.FromSeconds(1) && packets > 1)
        {
            packets /= 2;
            c.Http.Response.Headers[LimitHeader] = "limit_search_duration";
        }

        var cut = c.Engine.Faults.TakeDownloadCut(c.Http.Request.Path);
        Func<long, bool>? stopAfter = cut ? written => written >= packets / 2 : null;
        var response = c.Http.Response;
        response.StatusCode = 200;
        var token = c.Http.RequestAborted;
        switch (output)
        {
            case "zip":
                response.ContentType = "application/zip";
                // ZipArchive writes synchronously to a stream it cannot seek; allowed for this answer only.
                c.Http.Features.Get<IHttpBodyControlFeature>()!.AllowSynchronousIO = true;
                using (var zip = new ZipArchive(response.Body, ZipArchiveMode.Create, leaveOpen: true))
                {
                    await using (var pcap = zip.CreateEntry("packets.pcap", CompressionLevel.NoCompression).Open())
                    {
                        await writer.WriteAsync(pcap, packets, from, until, stopAfter, token).ConfigureAwait(false);
                    }

                    await using var keys = zip.CreateEntry("sessionkeys.txt", CompressionLevel.NoCompression).Open();
                    await keys.WriteAsync(KeyLog(), token).ConfigureAwait(false);
                }

                break;
            case "keylog_txt":
                response.ContentType = "text/plain";
                await response.Body.WriteAsync(KeyLog(), token).ConfigureAwait(false);
                break;
            default:
                response.ContentType = output == "pcap" ? "application/vnd.tcpdump.pcap" : "application/x-pcapng";
                await writer.WriteAsync(response.Body, packets, from, until, stopAfter, token).ConfigureAwait(false);
                break;
        }

        if (cut)
        {
            await response.Body.FlushAsync(token).ConfigureAwait(false);
            c.Http.Abort();
        }
    }

    private static byte[] KeyLog() =>
        Encoding.ASCII.GetBytes("CLIENT_RANDOM 0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0 " + new string('a', 96) + "\n");

    /// <summary>The parameters: the JSON body of a POST, or the query string of a GET, as one JSON object.</summary>
    private static JsonElement Read(ApiContext c)
    {
        if (HttpMethods.IsPost(c.Http.Request.Method) && !string.IsNullOrWhiteSpace(c.BodyText))
        {
            return c.ReadJsonObject();
        }

        var fields = c.Http.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
        return JsonSerializer.SerializeToElement(fields);
    }

    private static string? Text(JsonElement query, string name) =>
        query.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.ToString() : null;

    private static long? Number(JsonElement query, string name)
    {
        var text = Text(query, name);
        if (text is null)
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : throw new ApiErrorException(400, $"{name} must be a number of bytes");
    }

    private static int? Port(JsonElement query, string name) =>
        Number(query, name) is { } port ? port is >= 0 and <= 65535 ? (int)port : throw new ApiErrorException(400, $"{name} must be a port number") : null;

    private static IPAddress? Address(JsonElement query, string name) =>
        Text(query, name) is { } text ? IPAddress.TryParse(text, out var address) ? address : throw new ApiErrorException(400, $"{name} is not an IP address: '{text}'") : null;

    /// <summary>ms since the epoch, 0 or a negative ms count relative to now, or relative with a unit ("-10m").</summary>
    private static DateTimeOffset? Time(JsonElement query, string name, DateTimeOffset now)
    {
        var text = Text(query, name);
        if (text is null)
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ms))
        {
            return ms <= 0 ? now.AddMilliseconds(ms) : DateTimeOffset.FromUnixTimeMilliseconds(ms);
        }

        return Relative(text) is { } ago ? now - ago : throw new ApiErrorException(400, $"{name} is not a time: '{text}'");
    }

    private static TimeSpan? Duration(JsonElement query, string name)
    {
        var text = Text(query, name);
        if (text is null)
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? TimeSpan.FromMilliseconds(ms)
            : Relative(text) ?? throw new ApiErrorException(400, $"{name} is not a length of time: '{text}'");
    }

    private static TimeSpan? Relative(string text)
    {
        var match = System.Text.RegularExpressions.Regex.Match(text.Trim(), @"^-?(\d+)(ms|s|m|h|d)$");
        if (!match.Success)
        {
            return null;
        }

        var amount = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch
        {
            "ms" => TimeSpan.FromMilliseconds(amount),
            "s" => TimeSpan.FromSeconds(amount),
            "m" => TimeSpan.FromMinutes(amount),
            "h" => TimeSpan.FromHours(amount),
            _ => TimeSpan.FromDays(amount),
        };
    }
}
