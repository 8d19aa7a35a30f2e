using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Assistant.Bench;

/// <summary>
/// `assistant ask` as a user runs it: the built command-line program started afresh for one question on an existing
/// index. Runs in a child process of its own, whose only children are these runs, so the kernel's peak resident set of
/// its waited-for children (getrusage RUSAGE_CHILDREN, ru_maxrss) is theirs.
/// </summary>
internal static partial class ColdAsk
{
    public static async Task<ColdAskFigures> RunAsync(string cliDll, string corpus, string index, string question, int runs, CancellationToken cancellationToken)
    {
        var seconds = new List<double>(runs);
        for (var run = 0; run < runs; run++)
        {
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            info.ArgumentList.Add(cliDll);
            info.ArgumentList.Add("ask");
            info.ArgumentList.Add("--json");
            info.ArgumentList.Add(question);
            info.Environment["Corpus__Path"] = corpus;
            info.Environment["Index__Path"] = index;
            var started = Stopwatch.GetTimestamp();
            using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {cliDll}");
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            seconds.Add(Stopwatch.GetElapsedTime(started).TotalSeconds);
            if (process.ExitCode != 0 || !(await output).Contains("\"citations\"", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"assistant ask failed ({process.ExitCode}): {await error}");
            }
        }

        seconds.Sort();
        const int RusageChildren = -1;
        if (GetRusage(RusageChildren, out var usage) != 0)
        {
            throw new InvalidOperationException("getrusage failed");
        }

        // ru_maxrss is the largest peak (KB) among the waited-for children; the CPU times are their sums.
        var cpu = usage.UserSeconds + usage.SystemSeconds + ((usage.UserMicroseconds + usage.SystemMicroseconds) / 1e6);
        return new ColdAskFigures(runs, seconds[runs / 2], seconds[0], usage.MaxRss / 1024.0, cpu / runs);
    }

    [LibraryImport("libc", EntryPoint = "getrusage")]
    private static partial int GetRusage(int who, out Rusage usage);

    /// <summary>Linux x86-64/arm64 <c>struct rusage</c>: two timevals, then fourteen longs starting with ru_maxrss.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Rusage
    {
        public long UserSeconds, UserMicroseconds, SystemSeconds, SystemMicroseconds;
        public long MaxRss, IxRss, IdRss, IsRss, MinFlt, MajFlt, NSwap, InBlock, OuBlock, MsgSnd, MsgRcv, NSignals, NVCsw, NIvCsw;
    }
}

/// <param name="MedianSeconds">Wall-clock time from starting the program to its exit, median over the runs.</param>
/// <param name="PeakMb">The largest peak resident set (VmHWM) of any run.</param>
/// <param name="CpuSeconds">CPU time (user + system, all threads) per run, on average: not stretched by other load.</param>
internal sealed record ColdAskFigures(int Runs, double MedianSeconds, double MinSeconds, double PeakMb, double CpuSeconds);
