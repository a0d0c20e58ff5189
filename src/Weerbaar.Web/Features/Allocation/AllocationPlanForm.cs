using System.Globalization;
using Weerbaar.Web.Features.Accounts;

namespace Weerbaar.Web.Features.Allocation;

/// <summary>
/// The plan page's form: field names (the same keys the validator reports on), Dutch number text both ways, and
/// reading a posted form into a request. What cannot be read as a number is an error on its field.
/// </summary>
public static class AllocationPlanForm
{
    public static string Stock(string resource, Guid point) => $"voorraad-{resource}-{point}";

    public static string Deliveries(string resource, Guid point) => $"levering-{resource}-{point}";

    public static string Tier(string group) => $"tier-{group}";

    public static string Need(string group, string resource) => $"behoefte-{group}-{resource}";

    public static string Number(double value) => value.ToString("0.##########", Shared.Format.Dutch);

    public static string List(IEnumerable<double> values) => string.Join("; ", values.Select(Number));

    /// <summary>The form's text of every plan field, as the page shows it.</summary>
    public static Dictionary<string, string> Texts(AllocationPlanSettings s, PlanContext context)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["scenario"] = s.Scenario ?? "",
            ["periodes"] = s.Periods.ToString(CultureInfo.InvariantCulture),
            ["beleid"] = s.Policy,
            ["minimum"] = Number(s.MinimumServiceLevel * 100),
            ["afstand"] = Number(s.MaxDistanceMeters),
            ["doorschuiven"] = s.CarryOver ? "ja" : "",
        };
        foreach (var r in s.Resources)
        {
            foreach (var p in context.Points)
            {
                var stock = r.Stock.FirstOrDefault(x => x.Point == p.Id);
                texts[Stock(r.Code, p.Id)] = Number(stock?.Initial ?? 0);
                texts[Deliveries(r.Code, p.Id)] = List(stock?.Deliveries ?? []);
            }
        }
        foreach (var g in s.Groups)
        {
            texts[Tier(g.Code)] = g.Tier.ToString(CultureInfo.InvariantCulture);
            foreach (var r in s.Resources)
            {
                texts[Need(g.Code, r.Code)] = Number(g.Need.GetValueOrDefault(r.Code));
            }
        }
        return texts;
    }

    /// <summary>
    /// Reads the posted form. <paramref name="shownResources"/> are the resources whose stock and need fields the page
    /// showed; the checked resources (field "hulpmiddel") become the plan's resources.
    /// </summary>
    public static (AllocationPlanRequest Request, List<FieldError> Errors, Dictionary<string, string> Typed) Read(
        IFormCollection form, IReadOnlyList<string> shownResources, PlanContext context)
    {
        var errors = new List<FieldError>();
        var typed = form.Keys.ToDictionary(k => k, k => form[k].ToString(), StringComparer.Ordinal);
        double? Parse(string field, string label)
        {
            var text = typed.GetValueOrDefault(field)?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                return null;
            }
            if (Shared.DutchInput.Number(text) is { } value)
            {
                return value;
            }
            errors.Add(new FieldError(field, $"{label} moet een getal zijn (niet ‘{Short(text)}’)."));
            return null;
        }

        var checkedResources = form["hulpmiddel"].Where(x => !string.IsNullOrEmpty(x)).Select(x => x!).Distinct().ToList();
        var resources = checkedResources.Select(code => new PlanResourceRequest(code,
            shownResources.Contains(code) ? [.. context.Points.Select(p =>
            {
                var name = $"{context.Resource(code)?.Name ?? code} bij {p.Name}";
                var initial = Parse(Stock(code, p.Id), $"De voorraad {name.ToLowerInvariant()}");
                var deliveries = new List<double>();
                var list = typed.GetValueOrDefault(Deliveries(code, p.Id))?.Trim() ?? "";
                foreach (var part in list.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    if (Shared.DutchInput.Number(part) is { } d)
                    {
                        deliveries.Add(d);
                    }
                    else
                    {
                        errors.Add(new FieldError(Deliveries(code, p.Id), $"De leveringen {name.ToLowerInvariant()} moeten getallen zijn, gescheiden door een puntkomma (niet ‘{Short(part)}’)."));
                        break;
                    }
                }
                return new PlanStockRequest(p.Id.ToString(), initial, deliveries);
            })] : [])).ToList();

        var groups = AllocationCatalog.Groups.Select(g =>
        {
            var tierText = typed.GetValueOrDefault(Tier(g.Code))?.Trim();
            int? tier = null;
            if (!string.IsNullOrEmpty(tierText))
            {
                if (int.TryParse(tierText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var t))
                {
                    tier = t;
                }
                else
                {
                    errors.Add(new FieldError(Tier(g.Code), $"De prioriteit van {g.Name} moet een geheel getal zijn (niet ‘{Short(tierText)}’)."));
                }
            }
            var need = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var r in checkedResources.Where(shownResources.Contains))
            {
                if (Parse(Need(g.Code, r), $"De behoefte van {g.Name} aan {r}") is { } v)
                {
                    need[r] = v;
                }
            }
            return new PlanGroupRequest(g.Code, tier, need);
        }).ToList();

        int? periods = null;
        var periodText = typed.GetValueOrDefault("periodes")?.Trim();
        if (!string.IsNullOrEmpty(periodText))
        {
            if (int.TryParse(periodText, NumberStyles.None, CultureInfo.InvariantCulture, out var p))
            {
                periods = p;
            }
            else
            {
                errors.Add(new FieldError("periodes", $"Het aantal periodes moet een geheel getal van 1 tot en met {AllocationCatalog.MaxPeriods} zijn (niet ‘{Short(periodText)}’)."));
            }
        }
        var minimum = Parse("minimum", "Het minimumniveau");
        var distance = Parse("afstand", "De maximale afstand");
        _ = int.TryParse(typed.GetValueOrDefault("versie"), out var version);
        var request = new AllocationPlanRequest(version, typed.GetValueOrDefault("scenario"), periods, typed.GetValueOrDefault("beleid"),
            minimum / 100, distance, typed.GetValueOrDefault("doorschuiven") == "ja", resources, groups);
        return (request, errors, typed);
    }

    private static string Short(string text) => text.Length > 30 ? text[..30] + "…" : text;
}
