using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;

namespace ExtraHop.Tests.Infrastructure
{
    /// <summary>Everything one script run produced, stream by stream.</summary>
    public sealed class PsResult
    {
        public PsResult(Collection<PSObject> output, PSDataStreams streams, Exception? terminating)
        {
            Output = output.Where(o => o != null).ToList();
            Errors = streams.Error.ToList();
            Verbose = streams.Verbose.Select(v => v.Message).ToList();
            Warnings = streams.Warning.Select(w => w.Message).ToList();
            Debug = streams.Debug.Select(d => d.Message).ToList();
            Information = streams.Information.Select(i => i.MessageData?.ToString() ?? string.Empty).ToList();
            Progress = streams.Progress.ToList();
            Terminating = terminating;
        }

        public IReadOnlyList<PSObject> Output { get; }
        public IReadOnlyList<ErrorRecord> Errors { get; }
        public IReadOnlyList<string> Verbose { get; }
        public IReadOnlyList<string> Warnings { get; }
        public IReadOnlyList<string> Debug { get; }
        public IReadOnlyList<string> Information { get; }
        public IReadOnlyList<ProgressRecord> Progress { get; }
        public Exception? Terminating { get; }

        /// <summary>The terminating error as a record, when the script was ended by one.</summary>
        public ErrorRecord? TerminatingRecord => (Terminating as IContainsErrorRecord)?.ErrorRecord;

        public IEnumerable<ErrorRecord> AllErrors => TerminatingRecord == null ? Errors : Errors.Append(TerminatingRecord);

        public IEnumerable<T> Objects<T>() => Output.Select(o => o.BaseObject).OfType<T>();

        public T Single<T>() => Objects<T>().Single();

        /// <summary>Fails with every error's text, so a broken test says why.</summary>
        public PsResult AssertNoErrors()
        {
            var all = AllErrors.ToList();
            if (all.Count > 0)
            {
                throw new Xunit.Sdk.XunitException("The script wrote errors:\n" + string.Join("\n", all.Select(e => e.FullyQualifiedErrorId + ": " + e)));
            }
            return this;
        }

        /// <summary>All text any stream produced, for leak checks.</summary>
        public string AllText()
        {
            var parts = new List<string>();
            foreach (PSObject o in Output)
            {
                parts.Add(o.ToString());
                foreach (PSPropertyInfo p in o.Properties)
                {
                    try
                    {
                        parts.Add(p.Name + "=" + p.Value);
                    }
                    catch (GetValueException)
                    {
                    }
                }
            }
            foreach (ErrorRecord e in AllErrors)
            {
                parts.Add(e.ToString());
                parts.Add(e.Exception.ToString());
                parts.Add(e.ErrorDetails?.Message ?? string.Empty);
                parts.Add(e.ErrorDetails?.RecommendedAction ?? string.Empty);
                parts.Add(e.TargetObject?.ToString() ?? string.Empty);
                parts.Add(e.CategoryInfo.ToString());
            }
            parts.AddRange(Verbose);
            parts.AddRange(Warnings);
            parts.AddRange(Debug);
            parts.AddRange(Information);
            parts.AddRange(Progress.Select(p => p.Activity + " " + p.StatusDescription + " " + p.CurrentOperation));
            if (Terminating != null) parts.Add(Terminating.ToString());
            return string.Join("\n", parts);
        }
    }
}
