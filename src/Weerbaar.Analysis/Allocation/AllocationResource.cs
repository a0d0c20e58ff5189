namespace Weerbaar.Analysis.Allocation;

/// <summary>A scarce good or service, e.g. drinking water in litres or meals.</summary>
/// <param name="Name">Dutch, as a coordinator reads it (e.g. "drinkwater").</param>
/// <param name="Unit">Dutch unit (e.g. "liter", "maaltijden").</param>
public sealed record AllocationResource(string Id, string Name, string Unit);
