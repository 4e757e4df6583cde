namespace DisclosurePortal.Domain.Publishing;

/// <summary>
/// Where a record is filed (issue 20 §3): under a catalogue item of the 26 domains (基层政务公开标准目录), in a column of
/// the site's tree (法定主动公开内容 and local columns), or both; never nowhere, or the public could not find it.
/// An item always brings its domain and stage.
/// </summary>
public static class RecordPlacement
{
    public const string NowhereMessage = "请选择公开事项或栏目（至少选择一项）。";

    public static void Check(int? catalogueItemId, int? domainId, int? stageId, int? columnId)
    {
        if (catalogueItemId is null && columnId is null) throw new DomainException(NowhereMessage);
        if (catalogueItemId is null != domainId is null || catalogueItemId is null != stageId is null)
            throw new DomainException("公开事项须同时给出其领域和环节。");
    }

    /// <summary>The same rule for a form: null when the choice is acceptable.</summary>
    public static string? Problem(int? catalogueItemId, int? columnId) =>
        catalogueItemId is null && columnId is null ? NowhereMessage : null;
}
