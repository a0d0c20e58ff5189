namespace Weerbaar.Web.Features.Scan.Rounds;

public enum RoundStatus
{
    /// <summary>Being prepared: contacts and texts can change, respondents cannot answer yet.</summary>
    Concept,
    Open,
    /// <summary>Closed: nothing can change any more.</summary>
    Gesloten,
}

/// <summary>One fieldwork round of the Weerbaarheidsscan with one instrument version.</summary>
public sealed class ScanRound
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public required string InstrumentId { get; set; }
    /// <summary>SHA-256 of the instrument file when the round was created: a used version may never change.</summary>
    public required string InstrumentHash { get; set; }
    public DateOnly OpensOn { get; set; }
    public DateOnly ClosesOn { get; set; }
    public RoundStatus Status { get; set; }
    /// <summary>Respondents may change answers after submitting, until the round closes.</summary>
    public bool AllowChangesAfterSubmit { get; set; } = true;
    /// <summary>Veiligheidsregio codes that make up the population; empty (with no provinces) = all gemeenten.</summary>
    public List<string> PopulationRegios { get; set; } = [];
    public List<string> PopulationProvincies { get; set; } = [];
    /// <summary>Days before closing on which non-responders and partial responders get a reminder.</summary>
    public List<int> ReminderDays { get; set; } = [14, 3];
    /// <summary>Scheduled reminder days already handled, so a restart never sends one twice.</summary>
    public List<int> RemindersDone { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }

    public bool InPopulation(string gemeentecode, Gemeenten.ReferenceData reference)
        => reference.Gemeente(gemeentecode) is { } g
           && ((PopulationRegios.Count == 0 && PopulationProvincies.Count == 0)
               || PopulationRegios.Contains(g.VeiligheidsregioCode) || PopulationProvincies.Contains(g.ProvincieCode));
}
