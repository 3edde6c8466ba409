using System;
using System.Globalization;
using System.Management.Automation;
using System.Text.RegularExpressions;

namespace ExtraHop.Arguments
{
    /// <summary>
    /// Reads times and durations the way users type them: '-10m', '30s', '2h', '1d', '500ms' (the units the
    /// appliance's own relative times use), a TimeSpan, a number of seconds, or 'hh:mm:ss'.
    /// </summary>
    internal static class TimeArgument
    {
        private static readonly Regex Relative = new Regex(@"^\s*-?\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        /// <summary>A length of time, whatever its sign ('-10m' and '10m' are both ten minutes), or null when the value is none of the forms.</summary>
        public static TimeSpan? Duration(object? value)
        {
            switch (value is PSObject wrapped ? wrapped.BaseObject : value)
            {
                case TimeSpan span:
                    return span.Duration();
                case int seconds:
                    return TimeSpan.FromSeconds(Math.Abs(seconds));
                case long seconds:
                    return TimeSpan.FromSeconds(Math.Abs(seconds));
                case double seconds when !double.IsNaN(seconds) && !double.IsInfinity(seconds) && Math.Abs(seconds) < TimeSpan.MaxValue.TotalSeconds:
                    return TimeSpan.FromSeconds(Math.Abs(seconds));
                case string text:
                    Match match = Relative.Match(text);
                    if (match.Success)
                    {
                        double amount = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
                        switch (match.Groups[2].Value.ToLowerInvariant())
                        {
                            case "ms": return TimeSpan.FromMilliseconds(amount);
                            case "s": return TimeSpan.FromSeconds(amount);
                            case "m": return TimeSpan.FromMinutes(amount);
                            case "h": return TimeSpan.FromHours(amount);
                            case "d": return TimeSpan.FromDays(amount);
                            default: return TimeSpan.FromDays(7 * amount);
                        }
                    }
                    return TimeSpan.TryParse(text.Trim().TrimStart('-'), CultureInfo.InvariantCulture, out TimeSpan parsed) ? parsed : (TimeSpan?)null;
                default:
                    return null;
            }
        }
    }

    /// <summary>
    /// Lets -From and -Until take an absolute time (a DateTime, a DateTimeOffset, a date string) or a time relative
    /// to now ('-10m', '2h', a TimeSpan: that long ago, whatever the sign), as the appliance's API does. A relative
    /// time becomes an absolute one when the command runs; the cmdlet sends absolute times (see PacketSearch).
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class PointInTimeTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            switch (value)
            {
                case null:
                case DateTime _:
                    return value;
                case DateTimeOffset offset:
                    return offset.LocalDateTime;
                case string text when text.Trim().Equals("now", StringComparison.OrdinalIgnoreCase):
                    return DateTime.Now;
            }
            TimeSpan? ago = TimeArgument.Duration(value);
            if (ago.HasValue) return DateTime.Now - ago.Value;
            if (value is string date && DateTime.TryParse(date, CultureInfo.CurrentCulture, DateTimeStyles.AllowWhiteSpaces, out DateTime parsed)) return parsed;
            throw new ArgumentTransformationMetadataException(
                $"'{value}' is not a time: give a date (Get-Date, '2026-12-02 10:00'), 'now', or a time ago such as '-10m', '2h', '1d' or a TimeSpan.");
        }
    }

    /// <summary>Lets -LimitSearchDuration take '30s', '5m', a TimeSpan, or a number of seconds.</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class DurationTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            if (inputData == null) return null;
            return TimeArgument.Duration(inputData)
                ?? throw new ArgumentTransformationMetadataException($"'{inputData}' is not a length of time: give '30s', '5m', '1h', a TimeSpan, or a number of seconds.");
        }
    }
}
