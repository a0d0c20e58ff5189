namespace Weerbaar.Web.Features.Programme;

/// <summary>Field names shared by the form, the API's error list and the validator.</summary>
public static class ProgrammeActionFields
{
    public const string Title = "title";
    public const string Description = "description";
    public const string Pillar = "pillar";
    public const string Phase = "phase";
    public const string Measure = "measureCode";
    public const string Gap = "gapKind";
    public const string OwnerDepartment = "ownerDepartment";
    public const string OwnerPerson = "ownerPerson";
    public const string SocialDomain = "ownerIsSocialDomain";
    public const string Raci = "raci";
    public const string Partners = "partners";
    public const string OwnPartners = "ownPartners";
    public const string OneOffBudget = "oneOffBudget";
    public const string StructuralBudget = "structuralBudgetPerYear";
    public const string Fte = "ftePerMonth";
    public const string Start = "startDate";
    public const string Deadline = "deadline";
    public const string Dependencies = "dependencies";
    public const string Milestones = "milestones";
    public const string Version = "version";
}
