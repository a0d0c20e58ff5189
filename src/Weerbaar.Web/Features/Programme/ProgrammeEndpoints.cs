using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Features.SelfReliance;
using Weerbaar.Web.Shared.Api;
using Weerbaar.Web.Shared.Auth;
using Weerbaar.Web.Shared.Tenancy;

namespace Weerbaar.Web.Features.Programme;

public static class ProgrammeEndpoints
{
    public static IEndpointRouteBuilder MapProgrammeEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ApiConventions.BasePath + "/gemeenten/{gemeentecode}/programme").WithTags("Programmaplan");

        api.MapGet("", async Task<Results<Ok<ProgrammeDto>, ProblemHttpResult>> (string gemeentecode, ReferenceData reference, ProgrammeReader reader, CancellationToken ct) =>
            reference.Gemeente(gemeentecode.ToUpperInvariant()) is { } g ? TypedResults.Ok(ToDto(await reader.LoadAsync(g.Code, ct))) : GemeentenEndpoints.GemeenteNotFound(gemeentecode))
            .RequireAuthorization(Policies.GemeenteLezen)
            .WithName("GetProgramme")
            .WithSummary("Het programma van de gemeente: regisseur, reviewcyclus, beschikbare inzet, begroting per jaar en de teksten van het programmaplan (versie 0 = nog niet opgeslagen, de standaard).")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPut("", async Task<Results<Ok<ProgrammeDto>, ProblemHttpResult>> (string gemeentecode, ProgrammeRequest request, ReferenceData reference,
            ProgrammeSettingsStore store, ProgrammeReader reader, HttpContext http, CancellationToken ct) =>
        {
            if (reference.Gemeente(gemeentecode.ToUpperInvariant()) is not { } g)
            {
                return GemeentenEndpoints.GemeenteNotFound(gemeentecode);
            }
            var input = new ProgrammeSettingsInput(request.Name, request.Regisseur, request.RegisseurDepartment, request.DigestEmail, request.Background,
                request.Goals, request.Risks, Iso(request.StartDate), Iso(request.EndDate), request.ReviewCycleMonths?.ToString(CultureInfo.InvariantCulture),
                request.AvailableFte?.ToString(CultureInfo.InvariantCulture),
                request.Budget?.Select(b => (b.Year.ToString(CultureInfo.InvariantCulture), b.Amount.ToString(CultureInfo.InvariantCulture))).ToList());
            return await store.SaveAsync(g.Code, input, request.Version, http.User.NameOrUnknown(), ct) switch
            {
                AssumptionsOutcome.Saved => TypedResults.Ok(ToDto(await reader.LoadAsync(g.Code, ct))),
                AssumptionsOutcome.Invalid invalid => Invalid("Het programma is niet opgeslagen.", invalid.Errors),
                AssumptionsOutcome.Conflict c => Conflict($"{c.UpdatedBy} heeft het programma intussen gewijzigd; haal het opnieuw op. Er is niets opgeslagen."),
                _ => throw new InvalidOperationException(),
            };
        })
            .RequireAuthorization(Policies.GemeenteBewerken)
            .WithName("UpdateProgramme")
            .WithSummary("Leg het programma vast. Stuur de gelezen versie mee (409 als iemand anders het intussen wijzigde); zonder versie wint de laatste.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapGet("/actions", async Task<Results<Ok<ProgrammeActionListDto>, ProblemHttpResult>> (string gemeentecode, ReferenceData reference,
            ProgrammeReader reader, CancellationToken ct) =>
        {
            if (reference.Gemeente(gemeentecode.ToUpperInvariant()) is not { } g)
            {
                return GemeentenEndpoints.GemeenteNotFound(gemeentecode);
            }
            var view = await reader.LoadAsync(g.Code, ct);
            var plan = ProgrammePlanning.Compute(view.Programme, view.Actions);
            return TypedResults.Ok(new ProgrammeActionListDto(g.Code, plan.Problem, [.. view.Actions.Select(a => ToDto(a, plan))]));
        })
            .RequireAuthorization(Policies.GemeenteLezen)
            .WithName("ListProgrammeActions")
            .WithSummary("De acties van het programma op nummer, elk met de vroegste planning volgens het kritieke pad.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/actions", async Task<Results<Created<ProgrammeActionDto>, ProblemHttpResult>> (string gemeentecode, ProgrammeActionRequest request,
            ReferenceData reference, ProgrammeActionStore store, ProgrammeReader reader, HttpContext http, CancellationToken ct) =>
        {
            if (reference.Gemeente(gemeentecode.ToUpperInvariant()) is not { } g)
            {
                return GemeentenEndpoints.GemeenteNotFound(gemeentecode);
            }
            var outcome = await store.CreateAsync(g.Code, Input(request), http.User.NameOrUnknown(), ct);
            if (outcome is not ProgrammeActionOutcome.Saved saved)
            {
                return Problem(outcome, 0);
            }
            var view = await reader.LoadAsync(g.Code, ct);
            return TypedResults.Created($"{ApiConventions.BasePath}/gemeenten/{g.Code}/programme/actions/{saved.Action.Number}",
                ToDto(saved.Action, ProgrammePlanning.Compute(view.Programme, view.Actions)));
        })
            .RequireAuthorization(Policies.GemeenteBewerken)
            .WithName("CreateProgrammeAction")
            .WithSummary("Voeg een actie toe (eigen of uit de maatregelencatalogus, met het knelpunt dat zij beantwoordt). Afhankelijkheden die een kring vormen worden geweigerd.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapGet("/actions/{number:int}", async Task<Results<Ok<ProgrammeActionDto>, ProblemHttpResult>> (string gemeentecode, int number, ReferenceData reference,
            ProgrammeReader reader, CancellationToken ct) =>
        {
            if (reference.Gemeente(gemeentecode.ToUpperInvariant()) is not { } g)
            {
                return GemeentenEndpoints.GemeenteNotFound(gemeentecode);
            }
            var view = await reader.LoadAsync(g.Code, ct);
            return view.Action(number) is { } a ? TypedResults.Ok(ToDto(a, ProgrammePlanning.Compute(view.Programme, view.Actions))) : ActionNotFound(number);
        })
            .RequireAuthorization(Policies.GemeenteLezen)
            .WithName("GetProgrammeAction")
            .WithSummary("Eén actie.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPut("/actions/{number:int}", async Task<Results<Ok<ProgrammeActionDto>, ProblemHttpResult>> (string gemeentecode, int number, ProgrammeActionRequest request,
            ReferenceData reference, ProgrammeActionStore store, ProgrammeReader reader, HttpContext http, CancellationToken ct) =>
        {
            if (reference.Gemeente(gemeentecode.ToUpperInvariant()) is not { } g)
            {
                return GemeentenEndpoints.GemeenteNotFound(gemeentecode);
            }
            var outcome = await store.UpdateAsync(g.Code, number, Input(request), request.Version, http.User.NameOrUnknown(), ct);
            if (outcome is not ProgrammeActionOutcome.Saved saved)
            {
                return Problem(outcome, number);
            }
            var view = await reader.LoadAsync(g.Code, ct);
            return TypedResults.Ok(ToDto(saved.Action, ProgrammePlanning.Compute(view.Programme, view.Actions)));
        })
            .RequireAuthorization(Policies.GemeenteBewerken)
            .WithName("UpdateProgrammeAction")
            .WithSummary("Wijzig een actie; stuur de gelezen versie mee (409 als iemand anders haar intussen wijzigde). De status verandert alleen via een voortgangsmelding.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapDelete("/actions/{number:int}", async Task<Results<NoContent, ProblemHttpResult>> (string gemeentecode, int number, int? version,
            ReferenceData reference, ProgrammeActionStore store, CancellationToken ct) =>
        {
            if (reference.Gemeente(gemeentecode.ToUpperInvariant()) is not { } g)
            {
                return GemeentenEndpoints.GemeenteNotFound(gemeentecode);
            }
            var outcome = await store.DeleteAsync(g.Code, number, version, ct);
            return outcome is ProgrammeActionOutcome.Deleted ? TypedResults.NoContent() : Problem(outcome, number);
        })
            .RequireAuthorization(Policies.GemeenteBewerken)
            .WithName("DeleteProgrammeAction")
            .WithSummary("Verwijder een actie met haar voortgangsmeldingen. Geweigerd (409) zolang andere acties erop wachten.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/proposals", async Task<Results<Ok<ProposalsDto>, ProblemHttpResult>> (string gemeentecode, ReferenceData reference, ProgrammeReader reader,
            ProgrammeGaps gaps, CancellationToken ct) =>
        {
            if (reference.Gemeente(gemeentecode.ToUpperInvariant()) is not { } g)
            {
                return GemeentenEndpoints.GemeenteNotFound(gemeentecode);
            }
            var view = await reader.LoadAsync(g.Code, ct);
            var found = await gaps.ForGemeenteAsync(g.Code, view.Actions, ct);
            return TypedResults.Ok(new ProposalsDto(g.Code, [.. found.Select(x => new ProposalGapDto(x.Kind, x.Reference, x.Title, x.Description, x.Source,
                [.. x.Measures.Select(ToDto)], [.. x.AnsweredBy.Select(a => a.Label)]))]));
        })
            .RequireAuthorization(Policies.GemeenteLezen)
            .WithName("ListProgrammeProposals")
            .WithSummary("Knelpunten die Weerbaar kent (scan: lage score bij hoge prioriteit, foto, dekking noodsteunpunten, gekozen scenario) met de maatregelen die ze beantwoorden en nog niet zijn overgenomen.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        app.MapGet(ApiConventions.BasePath + "/measures", (MeasuresCatalogue catalogue) => TypedResults.Ok(catalogue.Measures.Select(ToDto).ToList()))
            .RequireAuthorization()
            .WithTags("Programmaplan")
            .WithName("ListMeasures")
            .WithSummary($"De landelijke maatregelencatalogus (fase, pijler, onderwerp, partners, inspanning, scenario's en schaarse middelen per maatregel).");

        return app;
    }

    public static ProblemHttpResult ActionNotFound(int number) => ApiConventions.Problem(StatusCodes.Status404NotFound,
        $"Dit programma heeft geen actie A-{number}.");

    private static ProblemHttpResult Problem(ProgrammeActionOutcome outcome, int number) => outcome switch
    {
        ProgrammeActionOutcome.Invalid invalid => Invalid("De actie is niet opgeslagen.", invalid.Errors),
        ProgrammeActionOutcome.Conflict c => Conflict($"{c.UpdatedBy} heeft de actie intussen gewijzigd; haal haar opnieuw op en probeer het nog eens. Er is niets opgeslagen."),
        ProgrammeActionOutcome.HasDependents d => Conflict(ProgrammeActionStore.DependentsMessage(number, d.Labels)),
        ProgrammeActionOutcome.NotFound => ActionNotFound(number),
        _ => throw new InvalidOperationException(),
    };

    private static ProblemHttpResult Invalid(string detail, IReadOnlyList<Accounts.FieldError> errors) => TypedResults.Problem(ApiConventions.ValidationProblem(detail,
        new Dictionary<string, object?> { ["errors"] = errors.Select(e => new { field = e.Field, message = e.Message }).ToList() }));

    private static ProblemHttpResult Conflict(string detail) =>
        ApiConventions.Problem(StatusCodes.Status409Conflict, detail);

    private static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Invariant(decimal? v) => v?.ToString(CultureInfo.InvariantCulture);

    private static ProgrammeActionInput Input(ProgrammeActionRequest r) => new(r.Title, r.Description, r.Pillar, r.Phase, r.MeasureCode,
        r.GapKind, r.GapReference, r.GapDescription, r.OwnerDepartment, r.OwnerPerson, r.OwnerIsSocialDomain == true,
        r.Raci?.Select(x => new RaciEntry(x.Role, x.Party)).ToList(), r.Partners, Invariant(r.OneOffBudget), Invariant(r.StructuralBudgetPerYear),
        r.FtePerMonth?.ToString(CultureInfo.InvariantCulture), Iso(r.StartDate), Iso(r.Deadline),
        r.Dependencies?.Select(d => new ActionDependency(d.PredecessorNumber, d.LagDays)).ToList(),
        r.Milestones?.Select(m => new ActionMilestone(m.Name, m.Date, m.Reached)).ToList());

    public static ProgrammeDto ToDto(ProgrammeView v)
    {
        var p = v.Programme;
        return new(p.GemeenteCode, p.Name, p.Regisseur, p.RegisseurDepartment, p.DigestEmail, p.Background, p.Goals, p.Risks, p.StartDate, p.EndDate,
            p.ReviewCycleMonths, p.AvailableFte, [.. p.Budget.Select(b => new BudgetLineDto(b.Year, b.Amount))], v.Actions.Count,
            p.Version, v.IsStored ? p.UpdatedBy : null, v.IsStored ? p.UpdatedAt : null);
    }

    public static ProgrammeActionDto ToDto(ProgrammeAction a, ProgrammePlanningResult plan)
    {
        var s = plan.For(a);
        return new(a.Number, a.Label, a.Title, a.Description, a.Pillar, a.Phase, a.MeasureCode,
            a.GapKind is null ? null : new GapDto(a.GapKind, a.GapReference ?? "", a.GapDescription ?? ""),
            a.OwnerDepartment, a.OwnerPerson, a.OwnerIsSocialDomain, [.. a.Raci.Select(r => new RaciDto(r.Role, r.Party))], a.Partners,
            a.OneOffBudget, a.StructuralBudgetPerYear, a.FtePerMonth, a.StartDate, a.Deadline,
            [.. a.Dependencies.Select(d => new DependencyDto(d.PredecessorNumber, d.LagDays))], [.. a.Milestones.Select(m => new MilestoneDto(m.Name, m.Date, m.Reached))],
            a.Status, a.CompletedOn, s is null ? null : new ScheduleDto(s.EarliestStartDate, s.EarliestFinishDate, s.TotalSlack, s.IsCritical),
            a.Version, a.UpdatedBy, a.UpdatedAt);
    }

    public static MeasureDto ToDto(Measure m) => new(m.Code, m.Name, m.Description, m.Phase, m.Pillar, m.Topic, m.Partners, m.Effort, m.Scenarios, m.ScarceResources, m.Source);
}
