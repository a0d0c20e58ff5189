namespace Weerbaar.Analysis.Planning;

/// <summary>One action's average FTE in a month.</summary>
public sealed record ActionLoad(string ActionId, string Name, double Fte);
