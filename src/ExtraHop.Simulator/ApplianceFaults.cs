using System;
using ExtraHop.Simulator.Engine;
using ExtraHop.Simulator.Http;

namespace ExtraHop.Simulator;

/// <summary>
/// Failures to inject into one appliance. Every member may be used at any time from any thread.
/// Each counting fault (uploads, requests, ingest) is a countdown: a new call replaces what is left of
/// the previous one of the same kind. Path prefixes match the request path either as sent
/// (<c>/api/v1/extrahop/firmware</c>) or relative to the API root (<c>/extrahop/firmware</c>), case-insensitively;
/// null matches every request.
/// </summary>
public sealed partial class ApplianceFaults
{
    private readonly object _lock = new();

    private int _uploadFailures;
    private int _uploadFailureStatus;
    private string _uploadFailureMessage = string.Empty;

    private int? _failJobAtStep;
    private string _failJobDetails = string.Empty;
    private int? _timeOutJobAtStep;

    private TimeSpan _rebootDowntime = TimeSpan.FromMinutes(5);
    private TimeSpan _bootingDuration = TimeSpan.FromMinutes(2);
    private TimeSpan _jobNotFoundAfterBoot = TimeSpan.Zero;
    private double _upgradeDurationFactor = 1;

    private int _ingestEnableFailures;
    private RequestFault? _hang;
    private RequestFault? _rateLimit;
    private RequestFault? _failRequests;

    internal ApplianceFaults()
    {
    }

    /// <summary>Simulated time the port refuses connections while the appliance restarts. Default 5 minutes.</summary>
    public TimeSpan RebootDowntime
    {
        get => Read(() => _rebootDowntime);
        set => Write(() => _rebootDowntime = NotNegative(value));
    }

    /// <summary>Simulated time after the downtime during which every request gets 503 with an HTML body. Default 2 minutes.</summary>
    public TimeSpan BootingDuration
    {
        get => Read(() => _bootingDuration);
        set => Write(() => _bootingDuration = NotNegative(value));
    }

    /// <summary>Simulated time right after boot during which <c>GET /jobs/{id}</c> answers 404. Default 0.</summary>
    public TimeSpan JobNotFoundAfterBoot
    {
        get => Read(() => _jobNotFoundAfterBoot);
        set => Write(() => _jobNotFoundAfterBoot = NotNegative(value));
    }

    /// <summary>
    /// Multiplies the duration of every job step except the reboot (which <see cref="RebootDowntime"/> and
    /// <see cref="BootingDuration"/> govern). Read when a job is created. Use it for slow upgrades in timeout tests.
    /// </summary>
    public double UpgradeDurationFactor
    {
        get => Read(() => _upgradeDurationFactor);
        set => Write(() => _upgradeDurationFactor = value > 0 && !double.IsInfinity(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "The factor must be a positive number."));
    }

    /// <summary>The next <paramref name="count"/> firmware uploads are received in full, then answered with this status and message.</summary>
    public void FailUploads(int count, int statusCode = 500, string message = "Firmware image failed validation")
    {
        ArgumentNullException.ThrowIfNull(message);
        NotNegative(count);
        ErrorStatus(statusCode);
        Write(() =>
        {
            _uploadFailures = count;
            _uploadFailureStatus = statusCode;
            _uploadFailureMessage = message;
        });
    }

    /// <summary>The next job created ends FAILED with these details when it reaches step <paramref name="step"/> (1-based).</summary>
    public void FailJobAtStep(int step, string details = "Simulated failure")
    {
        ArgumentNullException.ThrowIfNull(details);
        Positive(step);
        Write(() =>
        {
            _failJobAtStep = step;
            _failJobDetails = details;
        });
    }

    /// <summary>The next job created ends TIMEOUT when it reaches step <paramref name="step"/> (1-based).</summary>
    public void TimeOutJobAtStep(int step)
    {
        Positive(step);
        Write(() => _timeOutJobAtStep = step);
    }

    /// <summary>The next <paramref name="count"/> matching requests get 429 with a <c>Retry-After</c> header.</summary>
    public void RateLimit(int count, int retryAfterSeconds, string? pathPrefix = null)
    {
        var fault = new RequestFault(NotNegative(count), 429, NotNegative(retryAfterSeconds), pathPrefix);
        Write(() => _rateLimit = fault);
    }

    /// <summary>
    /// The next <paramref name="count"/> matching requests are accepted and never answered, until the client
    /// gives up or the host stops: the one fault that breaks the "never stay silent" rule, for timeout tests.
    /// </summary>
    public void Hang(int count, string? pathPrefix = null)
    {
        var fault = new RequestFault(NotNegative(count), 0, 0, pathPrefix);
        Write(() => _hang = fault);
    }

    /// <summary>The next <paramref name="count"/> requests that enable cluster ingest answer 500 and change nothing.</summary>
    public void FailIngestEnable(int count)
    {
        NotNegative(count);
        Write(() => _ingestEnableFailures = count);
    }

    /// <summary>The next <paramref name="count"/> matching requests answer <paramref name="statusCode"/> with an <c>error_message</c> body.</summary>
    public void FailRequests(int count, int statusCode, string? pathPrefix = null)
    {
        var fault = new RequestFault(NotNegative(count), ErrorStatus(statusCode), 0, pathPrefix);
        Write(() => _failRequests = fault);
    }

    /// <summary>Takes one upload failure if one is pending.</summary>
    internal bool TryTakeUploadFailure(out int statusCode, out string message)
    {
        lock (_lock)
        {
            statusCode = _uploadFailureStatus;
            message = _uploadFailureMessage;
            if (_uploadFailures == 0)
            {
                return false;
            }

            _uploadFailures--;
            return true;
        }
    }

    /// <summary>Takes the failure planned for the next job (both one-shot).</summary>
    internal JobFaultPlan TakeJobFaults()
    {
        lock (_lock)
        {
            var plan = new JobFaultPlan(_failJobAtStep, _failJobDetails, _timeOutJobAtStep);
            _failJobAtStep = null;
            _timeOutJobAtStep = null;
            return plan;
        }
    }

    internal bool TryTakeIngestEnableFailure()
    {
        lock (_lock)
        {
            if (_ingestEnableFailures == 0)
            {
                return false;
            }

            _ingestEnableFailures--;
            return true;
        }
    }

    /// <summary>Takes the request fault that applies to this path, if any: hanging first, then rate limiting, then failing.</summary>
    internal RequestFault? TakeRequestFault(string path)
    {
        lock (_lock)
        {
            return Take(ref _hang, path) ?? Take(ref _rateLimit, path) ?? Take(ref _failRequests, path);
        }
    }

    private static RequestFault? Take(ref RequestFault? fault, string path)
    {
        if (fault is null || fault.Remaining == 0 || !fault.Matches(path))
        {
            return null;
        }

        var taken = fault;
        fault = fault with { Remaining = fault.Remaining - 1 };
        return taken;
    }

    private T Read<T>(Func<T> read)
    {
        lock (_lock)
        {
            return read();
        }
    }

    private void Write(Action write)
    {
        lock (_lock)
        {
            write();
        }
    }

    private static int NotNegative(int value) =>
        value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Must not be negative.");

    private static int Positive(int value) =>
        value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Steps are numbered from 1.");

    private static TimeSpan NotNegative(TimeSpan value) =>
        value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Must not be negative.");

    private static int ErrorStatus(int statusCode) =>
        statusCode is >= 400 and <= 599 ? statusCode : throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "Must be an HTTP error status (400-599).");
}
