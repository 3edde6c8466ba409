using ExtraHop.Json;

namespace ExtraHop.Models
{
    /// <summary>What Set-EHRunningConfig did on one appliance, and whether the running config still differs from the saved one.</summary>
    public sealed class RunningConfigUpdate : ExtraHopObject
    {
        /// <summary>How many values the new config changed (0: it matched, and nothing was sent).</summary>
        [NotFromApi]
        public int Differences { get; internal set; }

        /// <summary>True when the running config was replaced.</summary>
        [NotFromApi]
        public bool Replaced { get; internal set; }

        /// <summary>True when the running config was saved afterwards (-Save).</summary>
        [NotFromApi]
        public bool Saved { get; internal set; }

        /// <summary>True when the running config differs from the saved one: a restart would lose those changes until Save-EHRunningConfig.</summary>
        [NotFromApi]
        public bool UnsavedChanges { get; internal set; }

        public override string ToString() =>
            $"{Server}: {Differences} difference(s), {(Replaced ? "replaced" : "not replaced")}, {(UnsavedChanges ? "unsaved changes remain" : "nothing unsaved")}";
    }
}
