using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DisclosurePortal.Data.Configurations;

/// <summary>
/// The search index table. Derived data written only by triggers (docs/adr/0009), so it has no foreign keys: deleting
/// a source row removes its entry in the same statement. The full-text structures over it (SQLite's FTS5 table,
/// PostgreSQL's token vector column and its GIN index) are provider-specific and created by the migrations (SearchIndexSql).
/// </summary>
internal sealed class SearchEntryConfiguration : IEntityTypeConfiguration<SearchEntry>
{
    public void Configure(EntityTypeBuilder<SearchEntry> b)
    {
        b.ToTable("SearchEntries");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Title).HasMaxLength(500);
        b.Property(x => x.DocumentNumber).HasMaxLength(100);
        b.Property(x => x.IndexNumber).HasMaxLength(40);
        b.HasIndex(x => x.RecordVersionId).IsUnique();
        b.HasIndex(x => x.CatalogueItemId).IsUnique();
        b.HasIndex(x => x.RecordId);
        b.HasIndex(x => new { x.SourceId, x.Kind });
    }
}

/// <summary>同义词组 (issue 22): the words as one space-separated string; the list is small and read whole.</summary>
internal sealed class SynonymGroupConfiguration : IEntityTypeConfiguration<Domain.Search.SynonymGroup>
{
    public void Configure(EntityTypeBuilder<Domain.Search.SynonymGroup> b)
    {
        b.ToTable("SearchSynonyms");
        b.Property(x => x.Terms).HasMaxLength(Domain.Search.SynonymGroup.MaxTermsLength);
        b.Property(x => x.AddedBy).HasMaxLength(100);
        b.Ignore(x => x.Words);
    }
}
