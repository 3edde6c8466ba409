using System;
using ExtraHop.Firmware;

namespace ExtraHop.Upgrade
{
    internal enum UpgradeSourceKind
    {
        /// <summary>Upload a local image, then upgrade.</summary>
        Path,
        /// <summary>The appliance downloads the image from a URL and upgrades in the same job.</summary>
        Uri,
        /// <summary>The appliance downloads a version from ExtraHop Cloud Services, then upgrades.</summary>
        Version,
        /// <summary>Upgrade to the image uploaded earlier.</summary>
        UploadedImage,
    }

    /// <summary>Where an appliance's new firmware comes from, and the version it will run afterwards when that is known.</summary>
    internal sealed class UpgradeSource
    {
        private UpgradeSource(UpgradeSourceKind kind, string? targetVersion)
        {
            Kind = kind;
            TargetVersion = targetVersion;
        }

        public UpgradeSourceKind Kind { get; }
        public FirmwareImageFile? Image { get; private set; }
        public Uri? Uri { get; private set; }
        public string? Version { get; private set; }
        public string? TargetVersion { get; }

        /// <param name="declaredVersion">-TargetVersion: wins over what the image's names suggest.</param>
        public static UpgradeSource FromImage(FirmwareImageFile image, string? declaredVersion) =>
            new UpgradeSource(UpgradeSourceKind.Path, declaredVersion ?? image.Version) { Image = image };

        /// <summary>A URL the appliance downloads from; refused (ArgumentException) unless it is https, http or ftp without credentials in it.</summary>
        public static UpgradeSource FromUri(Uri uri, string? declaredVersion)
        {
            if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeFtp))
            {
                throw new ArgumentException($"'{WithoutSecrets(uri)}' is not an https, http or ftp URL the appliance can download from.", nameof(uri));
            }
            if (!string.IsNullOrEmpty(uri.UserInfo))
            {
                // The URL would be shown by -WhatIf and the plan, sent to the appliance and kept in its job: a password in it leaks.
                throw new ArgumentException(
                    $"The firmware URL {WithoutSecrets(uri)} carries a user name or password, which would be shown and stored wherever the URL goes. " +
                    "Offer the image at a URL that needs no credentials, or upload it with -Path.", nameof(uri));
            }
            return new UpgradeSource(UpgradeSourceKind.Uri, declaredVersion ?? FirmwareImageFile.VersionIn(Uri.UnescapeDataString(uri.AbsolutePath))) { Uri = uri };
        }

        /// <summary>Scheme, host and path: no user name, password or query (a signed URL's query is a credential too).</summary>
        private static string WithoutSecrets(Uri uri) =>
            uri.IsAbsoluteUri ? uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped) : "(a relative URL)";

        public static UpgradeSource FromVersion(string version) =>
            new UpgradeSource(UpgradeSourceKind.Version, version) { Version = version };

        public static UpgradeSource FromUploadedImage(string? declaredVersion) =>
            new UpgradeSource(UpgradeSourceKind.UploadedImage, declaredVersion);

        public string Describe()
        {
            switch (Kind)
            {
                case UpgradeSourceKind.Path: return "uploading " + Image!.FileName;
                case UpgradeSourceKind.Uri: return "downloading " + WithoutSecrets(Uri!);
                case UpgradeSourceKind.Version: return "downloading " + Version + " from ExtraHop Cloud Services";
                default: return "installing the image uploaded earlier";
            }
        }
    }
}
