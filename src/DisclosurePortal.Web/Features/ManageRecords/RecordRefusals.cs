using DisclosurePortal.Web.Features.Shared;

namespace DisclosurePortal.Web.Features.ManageRecords;

public static class RecordRefusals
{
    /// <summary>The Domain's refusal of a state change on a record page is "操作未能完成" (409), as the record's other conflicts are.</summary>
    public static Outcome<T> RefusedAsConflict<T>(this Outcome<T> outcome) =>
        outcome.Refusal is { Status: StatusCodes.Status400BadRequest } r ? Refusal.Conflict(r.Message, r.Args) : outcome;
}
