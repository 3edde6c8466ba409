using System;

namespace ExtraHop.Api
{
    /// <summary>Why the module refused a running-config operation before anything was changed on an appliance.</summary>
    public enum RunningConfigRefusal
    {
        /// <summary>The appliance's running config has no such top-level section.</summary>
        SectionNotFound,
        /// <summary>A config file or string that is not JSON.</summary>
        NotJson,
        /// <summary>JSON that is not an object (a running config is always one).</summary>
        NotObject,
        /// <summary>A config file that does not exist.</summary>
        FileNotFound,
        /// <summary>A backup folder that does not exist.</summary>
        FolderNotFound,
        /// <summary>A backup folder this user cannot create files in.</summary>
        FolderNotWritable,
    }

    /// <summary>A running-config operation the module refused; nothing was sent that changes an appliance.</summary>
    public sealed class RunningConfigRefusedException : ArgumentException
    {
        public RunningConfigRefusedException(RunningConfigRefusal refusal, string message, Exception? innerException = null)
            : base(message, innerException)
        {
            Refusal = refusal;
        }

        public RunningConfigRefusal Refusal { get; }
    }
}
