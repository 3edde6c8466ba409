using System;
using System.Threading;

namespace ExtraHop.Http
{
    /// <summary>
    /// Where the client's diagnostic lines go for the current logical operation. The cmdlet layer points it
    /// at its verbose stream; the value flows with async calls, so worker tasks report to the right cmdlet.
    /// Lines never contain headers, bodies or query values that may hold secrets.
    /// </summary>
    internal static class ApiTrace
    {
        private static readonly AsyncLocal<Action<string>?> Sink = new AsyncLocal<Action<string>?>();

        public static Action<string>? Current
        {
            get => Sink.Value;
            set => Sink.Value = value;
        }

        /// <summary>False when nobody listens, so a hot path can skip formatting its line.</summary>
        public static bool IsOn => Sink.Value != null;

        public static void Write(string line) => Sink.Value?.Invoke(line);
    }
}
