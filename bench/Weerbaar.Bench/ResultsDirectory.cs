using System.Reflection;

namespace Weerbaar.Bench;

/// <summary>bench/results of the source tree, also when the build output lives under an artifacts path.</summary>
public static class ResultsDirectory
{
    public static string Resolve(string? overridePath)
    {
        if (!string.IsNullOrWhiteSpace(overridePath))
        {
            return Path.GetFullPath(overridePath);
        }
        return Path.Combine(BenchDirectory, "results");
    }

    /// <summary>The bench/ folder of the source tree (or ./bench when the sources are not where they were built).</summary>
    public static string BenchDirectory
    {
        get
        {
            var source = typeof(ResultsDirectory).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(a => a.Key == "SourceDirectory")?.Value;
            return source is not null && Directory.Exists(source)
                ? Path.GetDirectoryName(Path.GetFullPath(source))!
                : Path.Combine(Directory.GetCurrentDirectory(), "bench");
        }
    }

    /// <summary>A file name like 2026-11-23-http-gemeenten-c50.md.</summary>
    public static string FileName(string kind, string description)
    {
        var slug = new string(description.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        return $"{DateTime.Now:yyyy-MM-dd}-{kind}-{(slug.Length == 0 ? "run" : slug)}.md";
    }
}
