using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace DisclosurePortal.Tools.Generator;

/// <summary>The kinds of value a bulk-loaded column holds (each provider binds them its own way).</summary>
internal enum ColumnType
{
    Int,
    Long,
    Text,
    Bool,
    Date,
    Instant,
    Money,
}

internal sealed record BulkColumn(string Name, ColumnType Type);

/// <summary>A table the generator writes rows to directly: its columns, in the order of each row's values.</summary>
internal sealed class BulkTable(string name, params BulkColumn[] columns)
{
    public string Name { get; } = name;
    public IReadOnlyList<BulkColumn> Columns { get; } = columns;

    /// <summary>Rows carry their own ids (the database is empty), so a PostgreSQL identity must be moved past them afterwards.</summary>
    public bool HasIdentity => Columns[0].Name == "Id";
}

/// <summary>
/// The bulk-loaded tables. The column lists are checked against the EF model (<see cref="Verify"/>), so a column
/// added to the model that a bulk row does not fill (and the database cannot default) stops the generator at once
/// instead of failing a million rows in.
/// </summary>
internal static class BulkTables
{
    public static BulkTable Records { get; } = new("Records",
        Int("Id"), Text("IndexNumber"), Int("DepartmentId"), Int("CatalogueItemId"), Int("DomainId"), Int("StageId"), Int("Kind"),
        Instant("CreatedAt"), Int("Version"));

    public static BulkTable RecordVersions { get; } = new("RecordVersions",
        Int("Id"), Int("RecordId"), Int("Number"), Int("State"), Bool("IsPublished"), Bool("IsLatest"),
        Text("Title"), Text("DocumentNumber"), Text("IssuingOrgan"), Date("WrittenOn"), Date("PublishedOn"), Int("Validity"),
        Int("DisclosureAttribute"), Text("Body"), Int("InterpretationForm"),
        Int("DepartmentId"), Int("CatalogueItemId"), Int("DomainId"), Int("StageId"), Int("Kind"),
        Instant("CreatedAt"), Text("CreatedBy"), Instant("UpdatedAt"), Instant("SubmittedAt"), Instant("PublishedAt"), Int("Version"));

    public static BulkTable InterpretationLinks { get; } = new("InterpretationLinks",
        Int("Id"), Int("InterpretationRecordId"), Int("RecordVersionId"), Int("PolicyRecordId"), Instant("CreatedAt"));

    public static BulkTable InterpretationQuestions { get; } = new("InterpretationQuestions",
        Int("Id"), Int("RecordVersionId"), Int("Position"), Text("Question"), Text("Answer"));

    public static BulkTable ApplicationCases { get; } = new("ApplicationCases",
        Int("Id"), Text("QueryCode"), Int("ApplicantKind"), Text("ApplicantName"), Text("IdentityNumber"), Text("ContactPerson"),
        Text("Contact"), Text("PostalAddress"), Text("InformationDescription"), Int("ProvisionForm"), Int("DeliveryMethod"),
        Int("Channel"), Int("State"), Int("AssignedDepartmentId"), Instant("SubmittedAt"), Date("ReceivedOn"), Date("DueOn"),
        Bool("Extended"), Int("ReplyType"), Date("RepliedOn"), Date("ClosedOn"), Money("FeeAmount"), Int("ItemCount"),
        Date("FeeNotifiedOn"), Date("FeePaymentDeadline"), Date("FeePaidOn"), Date("SupplementRequestedOn"),
        Date("SupplementDeadline"), Date("SupplementReceivedOn"), Int("ExtensionWorkingDays"), Text("ExtensionReason"),
        Text("ExtensionApprovedBy"), Text("ReplyLetter"), Date("DeliveredOn"), Int("Version"));

    public static BulkTable ApplicationEvents { get; } = new("ApplicationEvents",
        Long("Id"), Int("CaseId"), Int("Kind"), Instant("OccurredAt"), Date("EffectiveOn"), Text("ActorId"), Text("ActorName"),
        Text("Note"), Date("DueOnAfter"));

    /// <summary>The last 索引号 serial per organisation and year, so that publishing after the load continues the series.</summary>
    public static BulkTable IndexNumberCounters { get; } = new("IndexNumberCounters",
        Text("OrganisationCode"), Int("Year"), Int("LastSerial"));

    public static IReadOnlyList<BulkTable> All { get; } =
        [Records, RecordVersions, InterpretationLinks, InterpretationQuestions, ApplicationCases, ApplicationEvents, IndexNumberCounters];

    /// <summary>Every bulk column exists in the model's table, and every required column the database cannot default is filled.</summary>
    public static void Verify(IModel model)
    {
        var problems = new List<string>();
        foreach (var table in All)
        {
            var entity = model.GetEntityTypes().SingleOrDefault(e => e.GetTableName() == table.Name);
            if (entity is null) { problems.Add($"table {table.Name} is not in the model"); continue; }
            var store = StoreObjectIdentifier.Table(table.Name, entity.GetSchema());
            var columns = entity.GetProperties().ToDictionary(p => p.GetColumnName(store) ?? p.Name);
            var written = table.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
            problems.AddRange(written.Where(c => !columns.ContainsKey(c)).Select(c => $"{table.Name}.{c} is not in the model"));
            problems.AddRange(columns
                .Where(c => !c.Value.IsNullable && c.Value.GetDefaultValue() is null && c.Value.GetDefaultValueSql() is null && !written.Contains(c.Key))
                .Select(c => $"{table.Name}.{c.Key} is required but the generator does not fill it"));
        }
        if (problems.Count > 0)
            throw new GeneratorException("The generator's tables do not match the model: " + string.Join("; ", problems) + ".");
    }

    private static BulkColumn Int(string name) => new(name, ColumnType.Int);
    private static BulkColumn Long(string name) => new(name, ColumnType.Long);
    private static BulkColumn Text(string name) => new(name, ColumnType.Text);
    private static BulkColumn Bool(string name) => new(name, ColumnType.Bool);
    private static BulkColumn Date(string name) => new(name, ColumnType.Date);
    private static BulkColumn Instant(string name) => new(name, ColumnType.Instant);
    private static BulkColumn Money(string name) => new(name, ColumnType.Money);
}

/// <summary>A reason the generator stops that the operator can act on: printed as one line, no stack trace.</summary>
internal sealed class GeneratorException(string message) : Exception(message);
