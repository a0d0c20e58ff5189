using System.Diagnostics;
using System.Globalization;
using Weerbaar.Analysis.Siting;

namespace Weerbaar.Bench.Siting;

/// <summary><c>pmed FILE</c>: solves an OR-Library p-median instance to optimality and prints the outcome.</summary>
public static class PMedCommand
{
    public static int Run(string[] args)
    {
        if (args.Length != 1 || !File.Exists(args[0]))
        {
            Console.Error.WriteLine("Usage: Weerbaar.Bench pmed FILE   (an OR-Library pmedN.txt)");
            return 2;
        }
        var clock = Stopwatch.StartNew();
        var instance = OrLibraryPMedian.Load(args[0]);
        var read = clock.Elapsed;
        var result = OrLibraryPMedian.Solve(instance, TimeSpan.FromMinutes(10));
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"file       {Path.GetFileName(args[0])}"));
        Console.WriteLine(string.Create(c, $"vertices   {instance.Vertices}"));
        Console.WriteLine(string.Create(c, $"p          {instance.P}"));
        Console.WriteLine(string.Create(c, $"objective  {result.Objective:0.######}"));
        Console.WriteLine(string.Create(c, $"status     {result.Status}"));
        Console.WriteLine(string.Create(c, $"bound      {result.BestBound:0.######}"));
        Console.WriteLine(string.Create(c, $"gap        {result.Gap:0.######}"));
        Console.WriteLine(string.Create(c, $"seconds    {result.Elapsed.TotalSeconds:0.000} (plus {read.TotalSeconds:0.000} reading and shortest paths)"));
        return result.Status == SitingStatus.Optimal ? 0 : 1;
    }
}
