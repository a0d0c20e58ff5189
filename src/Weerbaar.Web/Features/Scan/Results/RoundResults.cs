using Microsoft.EntityFrameworkCore;
using Weerbaar.Analysis.Reliability;
using Weerbaar.Analysis.Results;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Scan.Instruments;
using Weerbaar.Web.Features.Scan.Responses;

namespace Weerbaar.Web.Features.Scan.Results;

public sealed record QuestionResultDto(string Id, int N, int DontKnow, IReadOnlyDictionary<string, int> Counts, IReadOnlyDictionary<string, double> Percentages, double? Mean);

public sealed record PillarResultDto(string Code, int N, double? MeanScore, double? SdScore, double? MeanRank, int NRanked);

public sealed record ScaleResultDto(string Id, IReadOnlyList<string> Items, int N, double? CronbachAlpha, double? AlphaLower, double? AlphaUpper);

public sealed record RoundResultsDto(int Responses, IReadOnlyList<QuestionResultDto> Questions, IReadOnlyList<PillarResultDto> Pillars, IReadOnlyList<ScaleResultDto> Scales);

/// <summary>
/// The results of a round (DESIGN.md API contract) over its submitted responses: the instrument says which question is
/// ordinal, multiple choice or a score; Weerbaar.Analysis does the counting.
/// </summary>
public sealed class RoundResults(AppDbContext db, InstrumentCatalog instruments)
{
    /// <summary>The pillars in codebook order; each has a P_score and a P_rank column.</summary>
    public static readonly string[] Pillars = ["EC", "CO", "VV", "SW", "ZR", "SO"];

    /// <summary>The two scales of the scan: awareness (B1–B5) and insight (I1–I3), LIKERT5 without 'weet niet'.</summary>
    public static readonly (string Id, string[] Items)[] Scales = [("bewustzijn", ["B1", "B2", "B3", "B4", "B5"]), ("inzicht", ["I1", "I2", "I3"])];

    /// <returns>Null when the round does not exist.</returns>
    public async Task<RoundResultsDto?> ComputeAsync(Guid roundId, CancellationToken ct)
    {
        var round = await db.ScanRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null)
        {
            return null;
        }
        return Compute(instruments.Find(round.InstrumentId)!, await SubmittedAnswersAsync(roundId, ct));
    }

    public Task<List<Dictionary<string, string>>> SubmittedAnswersAsync(Guid roundId, CancellationToken ct)
        => db.ScanResponses.AsNoTracking()
            .Where(r => r.RoundId == roundId && r.Status == ResponseStatus.Submitted)
            .Select(r => r.Answers).ToListAsync(ct);

    public static RoundResultsDto Compute(Instrument instrument, IReadOnlyList<Dictionary<string, string>> answers)
    {
        var specs = Specs(instrument).ToList();
        var columns = AnswerColumns.Of(answers,
            specs.Select(s => s.Id).Concat(Pillars.SelectMany(p => new[] { $"{p}_score", $"{p}_rank" })).Concat(Scales.SelectMany(s => s.Items)));
        var questions = specs
            .Select(spec => ItemSummary.Summarize(spec, columns[spec.Id]))
            .Select(r => new QuestionResultDto(r.Id, r.N, r.DontKnow, r.Counts, r.Percentages, r.Mean))
            .ToList();
        var pillars = Pillars
            .Where(p => instrument.QuestionOf($"{p}_score") is not null)
            .Select(p => PillarSummary.Summarize(p, columns[$"{p}_score"], columns[$"{p}_rank"]))
            .Select(p => new PillarResultDto(p.Code, p.N, p.MeanScore, p.SdScore, p.MeanRank, p.NRanked))
            .ToList();
        var scales = Scales
            .Where(scale => scale.Items.All(i => instrument.QuestionOf(i) is not null))
            .Select(scale =>
            {
                // 'Weet niet' and empty are missing: the respondent drops out of this scale (listwise).
                var items = scale.Items.Select(i => columns[i]).ToArray();
                var rows = Enumerable.Range(0, answers.Count).Select(r => (IReadOnlyList<double?>)items.Select(c => Numeric(c[r])).ToList()).ToList();
                var alpha = CronbachAlpha.Compute(rows);
                return new ScaleResultDto(scale.Id, scale.Items, alpha.N, alpha.Alpha, alpha.AlphaLower, alpha.AlphaUpper);
            })
            .ToList();
        return new RoundResultsDto(answers.Count, questions, pillars, scales);
    }

    /// <summary>The pillar's name as the ranking question labels it ("Eigen continuïteit"), or the code.</summary>
    public static string PillarName(Instrument instrument, string code)
        => instrument.Questions.Where(q => q.Type == QuestionType.Ranking).SelectMany(q => q.Items!)
            .FirstOrDefault(i => i.Id == $"{code}_rank")?.Label ?? code;

    public static double? Numeric(string? code)
        => int.TryParse(code, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;

    /// <summary>Every question with a distribution: single choice, multiple choice and whole-number scores (not rankings or text).</summary>
    public static IEnumerable<ItemSpec> Specs(Instrument instrument)
    {
        foreach (var q in instrument.Questions)
        {
            switch (q.Type)
            {
                case QuestionType.SingleChoice:
                    var set = instrument.AnswerSets[q.AnswerSet!];
                    var ordinal = set.Options.All(o => int.TryParse(o.Code, out _));
                    yield return new ItemSpec(q.Id, ordinal ? ItemKind.Ordinal : ItemKind.Nominal, [.. set.Options.Select(o => o.Code)], set.DontKnow?.Code);
                    break;
                case QuestionType.MultipleChoice:
                    yield return new ItemSpec(q.Id, ItemKind.Multiple, [.. instrument.AnswerSets[q.AnswerSet!].Options.Select(o => o.Code)]);
                    break;
                case QuestionType.WholeNumber:
                    yield return new ItemSpec(q.Id, ItemKind.Score,
                        [.. Enumerable.Range(q.Min!.Value, q.Max!.Value - q.Min.Value + 1).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
                    break;
            }
        }
    }
}
