using System.Management.Automation;
using System.Security;
using ExtraHop.Api;
using ExtraHop.Arguments;
using ExtraHop.Base;
using ExtraHop.Http;

namespace ExtraHop.Commands
{
    /// <summary>
    /// Creates the first API key of a new appliance's setup user, with its password, and returns it as a SecureString
    /// (for Set-Secret). The request is sent once: a wrong password counts towards locking the setup account.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "EHApiKey", SupportsShouldProcess = true)]
    [OutputType(typeof(SecureString))]
    public sealed class NewEHApiKeyCommand : ConnectionCmdlet
    {
        [Parameter(Mandatory = true)]
        public object? SetupPassword { get; set; }

        protected override void ProcessRecord()
        {
            if (!TryPrepare(Server, Prepare, out var request)) return;
            if (!ShouldProcess(Server, "Create the first API key of the setup user (POST /api/v1/apikeys with its password)")) return;

            WarnIfServerPathIgnored(request.Address);
            WarnIfCertificateChecksAreOff();
            if (TryRun(Server, token => SetupKeyApi.CreateAsync(request.Address, request.Settings, request.Password, token), out SecureString key)) WriteObject(key);
        }

        // The one request is never retried, whatever the retry policy says, so the default policy is as good as any.
        private (ServerAddress Address, ConnectionSettings Settings, SecureString Password) Prepare() =>
            (ServerAddress.Parse(Server), BuildSettings(RetryPolicy.Default), PasswordArgument.Read(SetupPassword, nameof(SetupPassword)));
    }
}
