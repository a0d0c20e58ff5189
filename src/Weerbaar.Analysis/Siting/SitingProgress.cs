namespace Weerbaar.Analysis.Siting;

/// <summary>A progress report during a run: the best objective so far, the best bound, and how many solutions were found.</summary>
public sealed record SitingProgress(double Objective, double BestBound, TimeSpan Elapsed, int Solutions);
