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

        public static UpgradeSource FromUri(Uri uri, string? declaredVersion) =>
            new UpgradeSource(UpgradeSourceKind.Uri, declaredVersion ?? FirmwareImageFile.VersionIn(Uri.UnescapeDataString(uri.AbsolutePath))) { Uri = uri };

        public static UpgradeSource FromVersion(string version) =>
            new UpgradeSource(UpgradeSourceKind.Version, version) { Version = version };

        public static UpgradeSource FromUploadedImage(string? declaredVersion) =>
            new UpgradeSource(UpgradeSourceKind.UploadedImage, declaredVersion);

        public string Describe()
        {
            switch (Kind)
            {
                case UpgradeSourceKind.Path: return "uploading " + Image!.FileName;
                case UpgradeSourceKind.Uri: return "downloading " + Uri!.GetLeftPart(UriPartial.Path);
                case UpgradeSourceKind.Version: return "downloading " + Version + " from ExtraHop Cloud Services";
                default: return "installing the image uploaded earlier";
            }
        }
    }
}
