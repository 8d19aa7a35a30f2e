using System.Runtime.InteropServices;

namespace Assistant.Bench;

/// <summary>
/// CPU time of the calling thread (getrusage RUSAGE_THREAD, microsecond resolution). On a shared machine wall-clock
/// latency includes waiting for a core; CPU time per question does not, so both are reported. Answering completes
/// synchronously on the calling thread with the embedded index, so its CPU time is the question's cost.
/// </summary>
internal static partial class ThreadCpu
{
    private const int RusageThread = 1;

    public static double Milliseconds()
    {
        if (!OperatingSystem.IsLinux() || GetRusage(RusageThread, out var usage) != 0)
        {
            return double.NaN;
        }

        return ((usage.UserSeconds + usage.SystemSeconds) * 1000.0) + ((usage.UserMicroseconds + usage.SystemMicroseconds) / 1000.0);
    }

    [LibraryImport("libc", EntryPoint = "getrusage")]
    private static partial int GetRusage(int who, out RUsage usage);

    /// <summary>struct rusage on 64-bit Linux: two timevals, then fourteen longs.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct RUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        private unsafe fixed long _rest[14];
    }
}
