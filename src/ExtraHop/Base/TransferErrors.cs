using System;
using System.Management.Automation;
using ExtraHop.Downloads;
using ExtraHop.Packets;

namespace ExtraHop.Base
{
    /// <summary>Error records for downloads (support packs, packets) and the support pack runs and packet searches behind them.</summary>
    internal static class TransferErrors
    {
        public static ErrorRecord ToErrorRecord(Exception exception, object? target)
        {
            switch (exception)
            {
                case DownloadRefusedException refused:
                    return refused.Refusal switch
                    {
                        DownloadRefusal.DestinationNotFound => new ErrorRecord(refused, ErrorIds.DestinationNotFound, ErrorCategory.ObjectNotFound, refused.Path),
                        DownloadRefusal.DestinationNotWritable => new ErrorRecord(refused, ErrorIds.DestinationNotWritable, ErrorCategory.PermissionDenied, refused.Path),
                        _ => new ErrorRecord(refused, ErrorIds.FileExists, ErrorCategory.ResourceExists, refused.Path),
                    };
                case DownloadInterruptedException interrupted:
                    return new ErrorRecord(interrupted, ErrorIds.DownloadInterrupted, ErrorCategory.ConnectionError, target)
                    {
                        ErrorDetails = new ErrorDetails(interrupted.Message) { RecommendedAction = "Run the same command again: it resumes from the partial file." },
                    };
                case PacketWindowException window:
                    return new ErrorRecord(window, window.InFuture ? ErrorIds.TimeWindowInFuture : ErrorIds.InvalidTimeWindow, ErrorCategory.InvalidArgument, target);
                case PacketSearchRefusedException search:
                    return search.Refusal switch
                    {
                        PacketSearchRefusal.InvalidFilter => new ErrorRecord(search, ErrorIds.InvalidPacketFilter, ErrorCategory.InvalidArgument, target),
                        PacketSearchRefusal.NotPermitted => new ErrorRecord(search, ErrorIds.PacketsNotPermitted, ErrorCategory.PermissionDenied, target),
                        _ => new ErrorRecord(search, ErrorIds.PacketsUnavailable, ErrorCategory.NotImplemented, target),
                    };
                default:
                    var failed = (SupportPackFailedException)exception;
                    return new ErrorRecord(failed, ErrorIds.SupportPackFailed, ErrorCategory.InvalidResult, failed.Run)
                    {
                        ErrorDetails = new ErrorDetails(failed.Message) { RecommendedAction = "Check the step and details; Get-EHSupportPack lists the packs the appliance has." },
                    };
            }
        }

        /// <summary>A support pack run still going at -TimeoutSec; the appliance carries on with it.</summary>
        public static ErrorRecord RunTimedOut(JobWaitTimeoutException timeout, string server)
        {
            string message = $"Support pack run {timeout.JobId} on {server} did not finish within the time allowed (last seen: {timeout.LastSeen?.Progress ?? "no answer"}). "
                + "It may still be running; Get-EHSupportPack lists its file once it is done.";
            return new ErrorRecord(new TimeoutException(message, timeout), ErrorIds.WaitTimedOut, ErrorCategory.OperationTimeout, server)
            {
                ErrorDetails = new ErrorDetails(message) { RecommendedAction = "Run again with a larger -TimeoutSec, or list the packs later with Get-EHSupportPack." },
            };
        }
    }
}
