namespace ExtraHop.Simulator;

/// <summary>The state changes a simulator records in <see cref="SimulatorHost.Events"/>.</summary>
public enum SimulatorEventKind
{
    /// <summary>A firmware upload began (or an image download started streaming).</summary>
    UploadStarted,

    /// <summary>A firmware image was received and accepted.</summary>
    UploadCompleted,

    /// <summary>A firmware upload was rejected or broke off.</summary>
    UploadFailed,

    /// <summary>A job (upgrade, download, rollback, restart) was created.</summary>
    JobStarted,

    /// <summary>A job moved to its next step.</summary>
    JobStep,

    /// <summary>A job reached DONE, FAILED or TIMEOUT.</summary>
    JobFinished,

    /// <summary>The appliance went down: its port refuses connections.</summary>
    RebootStarted,

    /// <summary>The appliance is booting: its port answers 503 with an HTML page.</summary>
    BootStarted,

    /// <summary>The appliance serves the API again.</summary>
    Booted,

    /// <summary>A recordstore cluster's ingest setting changed.</summary>
    IngestChanged,

    /// <summary>A rollback put the previous firmware back.</summary>
    RolledBack,

    /// <summary>A process was restarted (POST /extrahop/processes/{process}/restart).</summary>
    ProcessRestarted,

    /// <summary>Services or ticketing settings changed.</summary>
    SettingsChanged,

    /// <summary>The appliance was shut down; it stays down.</summary>
    ShutDown,

    /// <summary>A certificate and key sent with <c>PUT /extrahop/sslcert</c> replaced the TLS certificate.</summary>
    CertificateReplaced,
}
