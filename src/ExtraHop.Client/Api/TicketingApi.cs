using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ExtraHop.Models;

namespace ExtraHop.Api
{
    /// <summary>/extrahop/ticketing: whether detections link to tickets in an external tracker, and the link's template.</summary>
    internal static class TicketingApi
    {
        private const string Path = "extrahop/ticketing";

        public static async Task<ExtraHopTicketing> GetAsync(ExtraHopSession session, CancellationToken cancellationToken)
        {
            IDictionary<string, object?> fields = await SettingsObject.ReadAsync(session, Path, "ticket_tracking_parameters", cancellationToken).ConfigureAwait(false);
            return new ExtraHopTicketing
            {
                Enabled = SettingsObject.Flag(fields, "enabled"),
                UrlTemplate = fields.TryGetValue("url_template", out object? template) ? template as string : null,
                ExtensionData = SettingsObject.Without(fields, "enabled", "url_template"),
            }.From(session);
        }

        /// <summary>Sends only what is given.</summary>
        public static Task SetAsync(ExtraHopSession session, TicketingChanges changes, CancellationToken cancellationToken) =>
            SettingsObject.PatchAsync(session, Path, changes.ToWire(), cancellationToken);
    }

    /// <summary>What Set-EHTicketing changes; null means "leave as it is".</summary>
    internal sealed class TicketingChanges
    {
        public bool? Enabled { get; set; }
        public string? UrlTemplate { get; set; }

        public bool IsEmpty => Enabled == null && UrlTemplate == null;

        /// <summary>
        /// A template is the address of one ticket in the tracker (ExtraHop puts the ticket id where $ticket_id is): an
        /// absolute http or https URL, or the tracker could not be reached from a detection.
        /// </summary>
        public static void ValidateTemplate(string template)
        {
            string sample = template.Replace("$ticket_id", "1");
            if (!Uri.TryCreate(sample, UriKind.Absolute, out Uri? uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                throw new InvalidUrlTemplateException($"The URL template '{template}' is not an absolute http or https URL (for example https://tickets.example.com/browse/$ticket_id).");
            }
        }

        public string Describe(ExtraHopTicketing? current)
        {
            var parts = new List<string>();
            if (Enabled != null) parts.Add($"enabled {Text(current?.Enabled)} -> {Text(Enabled)}");
            if (UrlTemplate != null) parts.Add($"URL template '{current?.UrlTemplate}' -> '{UrlTemplate}'");
            return string.Join(", ", parts);
        }

        public Dictionary<string, object> ToWire()
        {
            var body = new Dictionary<string, object>();
            if (Enabled != null) body["enabled"] = Enabled.Value;
            if (UrlTemplate != null) body["url_template"] = UrlTemplate;
            return body;
        }

        private static string Text(bool? value) => value == null ? "unknown" : value.Value ? "True" : "False";
    }
}

namespace ExtraHop.Api
{
    /// <summary>Set-EHTicketing -UrlTemplate was not an absolute http or https URL; nothing was sent.</summary>
    public sealed class InvalidUrlTemplateException : System.ArgumentException
    {
        internal InvalidUrlTemplateException(string message)
            : base(message)
        {
        }
    }
}
