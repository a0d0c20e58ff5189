using System.Diagnostics;

namespace Weerbaar.Bench;

/// <summary>The git revision the benchmark was built from (read-only git commands), for the reports.</summary>
public static class SourceRevision
{
    public static string Describe(string directory)
    {
        var head = Git(directory, "rev-parse", "--short", "HEAD");
        if (head is null)
        {
            return "unknown";
        }
        var dirty = Git(directory, "status", "--porcelain", "--untracked-files=no");
        return string.IsNullOrWhiteSpace(dirty) ? head : $"{head} with uncommitted changes";
    }

    private static string? Git(string directory, params string[] args)
    {
        try
        {
            var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in args)
            {
                start.ArgumentList.Add(a);
            }
            using var git = Process.Start(start);
            if (git is null)
            {
                return null;
            }
            var output = git.StandardOutput.ReadToEnd().Trim();
            return git.WaitForExit(10_000) && git.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
