using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Weerbaar.Web.Features.Scan.Instruments;

/// <summary>
/// The instrument files shipped with the app, loaded and checked once at start-up. A file that does not
/// follow the rules of <see cref="InstrumentRules"/> stops the app with a Dutch list of every problem.
/// </summary>
public sealed class InstrumentCatalog
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Features", "Scan", "Instruments");

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        AllowTrailingCommas = false,
    };

    private readonly Dictionary<string, (Instrument Instrument, string Hash)> _instruments;

    public InstrumentCatalog() : this(Directory)
    {
    }

    public InstrumentCatalog(string directory)
    {
        var loaded = new Dictionary<string, (Instrument, string)>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var file in System.IO.Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            var bytes = File.ReadAllBytes(file);
            var (instrument, fileProblems) = Parse(bytes);
            var name = Path.GetFileName(file);
            problems.AddRange(fileProblems.Select(p => $"{name}: {p}"));
            if (instrument is null)
            {
                continue;
            }
            if (Path.GetFileNameWithoutExtension(file) != instrument.Id)
            {
                problems.Add($"{name}: de bestandsnaam moet gelijk zijn aan het id '{instrument.Id}'.");
            }
            loaded[instrument.Id] = (instrument, Convert.ToHexString(SHA256.HashData(bytes)));
        }
        foreach (var (instrument, _) in loaded.Values)
        {
            problems.AddRange(InstrumentRules.CheckPrevious(instrument, id => loaded.TryGetValue(id, out var p) ? p.Item1 : null)
                .Select(p => $"{instrument.Id}.json: {p}"));
        }
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Ongeldige vragenlijst(en):\n- " + string.Join("\n- ", problems));
        }
        _instruments = loaded;
    }

    public IReadOnlyCollection<Instrument> All => _instruments.Values.Select(v => v.Instrument).ToList();

    public Instrument? Find(string? id) => id is not null && _instruments.TryGetValue(id, out var v) ? v.Instrument : null;

    /// <summary>SHA-256 of the file: a round stores it, so a later edit of a used version is detected.</summary>
    public string Hash(string id) => _instruments[id].Hash;

    public static (Instrument? Instrument, IReadOnlyList<string> Problems) Parse(byte[] json)
    {
        Instrument? instrument;
        try
        {
            instrument = JsonSerializer.Deserialize<Instrument>(json, Json);
        }
        catch (JsonException ex)
        {
            return (null, [$"geen geldige vragenlijst-JSON ({ex.Message})"]);
        }
        if (instrument is null)
        {
            return (null, ["leeg bestand"]);
        }
        var problems = InstrumentRules.Check(instrument);
        return (problems.Count == 0 ? instrument : null, problems);
    }
}

/// <summary>The schema of an instrument beyond its JSON shape: ids, references and bounds that must hold.</summary>
public static partial class InstrumentRules
{
    public static IReadOnlyList<string> Check(Instrument instrument)
    {
        var problems = new List<string>();
        void Require(bool ok, string message)
        {
            if (!ok)
            {
                problems.Add(message);
            }
        }

        Require(!string.IsNullOrWhiteSpace(instrument.Id) && IdRegex().IsMatch(instrument.Id), $"id '{instrument.Id}' moet uit kleine letters, cijfers en streepjes bestaan.");
        Require(!string.IsNullOrWhiteSpace(instrument.Title), "titel ontbreekt.");
        Require(instrument.Parts is { Count: > 0 }, "er zijn geen delen.");
        if (instrument.Parts is null || instrument.AnswerSets is null)
        {
            return problems;
        }
        for (var i = 0; i < instrument.Parts.Count; i++)
        {
            Require(instrument.Parts[i].Number == i + 1, $"deel {i + 1} heeft nummer {instrument.Parts[i].Number}; nummer de delen 1, 2, 3 ….");
        }
        foreach (var (name, set) in instrument.AnswerSets)
        {
            var codes = set.Options.Select(o => o.Code).Append(set.DontKnow?.Code).OfType<string>().ToList();
            Require(set.Options.Count > 0, $"antwoordset {name} heeft geen opties.");
            Require(codes.Distinct(StringComparer.Ordinal).Count() == codes.Count, $"antwoordset {name} heeft dubbele codes.");
            Require(codes.All(c => CodeRegex().IsMatch(c)), $"antwoordset {name}: codes mogen alleen letters, cijfers en _ bevatten.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var earlier = new Dictionary<string, Question>(StringComparer.Ordinal);
        foreach (var q in instrument.Questions)
        {
            foreach (var id in q.Type == QuestionType.Ranking ? (q.Items ?? []).Select(i => i.Id).Prepend(q.Id) : [q.Id])
            {
                Require(QuestionIdRegex().IsMatch(id), $"vraag-id '{id}' is ongeldig (letter, dan letters, cijfers of _).");
                Require(seen.Add(id), $"vraag-id '{id}' komt meer dan eens voor.");
            }
            Require(!string.IsNullOrWhiteSpace(q.Text), $"{q.Id}: vraagtekst ontbreekt.");
            switch (q.Type)
            {
                case QuestionType.SingleChoice or QuestionType.MultipleChoice:
                    Require(q.AnswerSet is not null && instrument.AnswerSets.ContainsKey(q.AnswerSet), $"{q.Id}: antwoordset '{q.AnswerSet}' bestaat niet.");
                    break;
                case QuestionType.WholeNumber:
                    Require(q.Min is not null && q.Max is not null && q.Min <= q.Max, $"{q.Id}: geef min en max met min ≤ max.");
                    break;
                case QuestionType.Ranking:
                    Require(q.Items is { Count: >= 2 }, $"{q.Id}: een rangorde heeft minstens twee onderdelen.");
                    break;
                case QuestionType.Text:
                    Require(q.MaxLength is > 0 and <= 100_000, $"{q.Id}: geef maxLength tussen 1 en 100000.");
                    break;
            }
            if (q.ShowIf is { } c)
            {
                Require(earlier.TryGetValue(c.Question, out var source) && source.Type == QuestionType.MultipleChoice
                        && instrument.AnswerSets[source.AnswerSet!].Options.Any(o => o.Code == c.Contains),
                    $"{q.Id}: voorwaarde verwijst naar '{c.Question}' met code '{c.Contains}', die er eerder niet is als meerkeuzevraag.");
            }
            earlier[q.Id] = q;
        }
        foreach (var q in instrument.Questions.Where(q => q.Type == QuestionType.MultipleChoice && q.AnswerSet is not null && instrument.AnswerSets.ContainsKey(q.AnswerSet)))
        {
            foreach (var o in instrument.AnswerSets[q.AnswerSet!].Options.Where(o => o.OtherText is not null))
            {
                Require(earlier.TryGetValue(o.OtherText!, out var text) && text.Type == QuestionType.Text,
                    $"{q.Id}: optie {o.Code} verwijst naar tekstvraag '{o.OtherText}', die niet bestaat.");
            }
        }
        if (instrument.Columns is { } columns)
        {
            var answerIds = instrument.AnswerIds.ToHashSet(StringComparer.Ordinal);
            Require(columns.Count == answerIds.Count && columns.ToHashSet(StringComparer.Ordinal).SetEquals(answerIds),
                "columns moet elke antwoordkolom precies één keer noemen.");
        }
        return problems;
    }

    public static IEnumerable<string> CheckPrevious(Instrument instrument, Func<string, Instrument?> find)
    {
        if (instrument.Previous is null)
        {
            yield break;
        }
        var previous = find(instrument.Previous);
        if (previous is null)
        {
            yield return $"vorige versie '{instrument.Previous}' bestaat niet.";
            yield break;
        }
        var earlierIds = previous.AnswerIds.ToHashSet(StringComparer.Ordinal);
        var mapped = instrument.Questions.Select(q => (q.Id, q.MapsTo))
            .Concat(instrument.Questions.SelectMany(q => q.Items ?? []).Select(i => (i.Id, i.MapsTo)));
        foreach (var (id, mapsTo) in mapped)
        {
            if (mapsTo is not null && !earlierIds.Contains(mapsTo))
            {
                yield return $"{id}: mapsTo '{mapsTo}' bestaat niet in {previous.Id}.";
            }
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdRegex();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex QuestionIdRegex();

    [GeneratedRegex("^[A-Za-z0-9_]+$")]
    private static partial Regex CodeRegex();
}
