namespace DisclosurePortal.Domain.Columns;

/// <summary>The column tree's shape: at most three levels, listed depth first in each level's order.</summary>
public static class ColumnTree
{
    public const int MaxDepth = 3;

    /// <summary>One column in tree order, with its depth (1 for a top-level column).</summary>
    public sealed record Node(DisclosureColumn Column, int Depth);

    /// <summary>Depth first, siblings by sort order then id; children of retired columns follow them (callers filter).</summary>
    public static IReadOnlyList<Node> Ordered(IReadOnlyCollection<DisclosureColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var byParent = columns.ToLookup(c => c.ParentId);
        var list = new List<Node>(columns.Count);
        void Walk(int? parent, int depth)
        {
            foreach (var c in byParent[parent].OrderBy(c => c.SortOrder).ThenBy(c => c.Id))
            {
                list.Add(new Node(c, depth));
                Walk(c.Id, depth + 1);
            }
        }
        Walk(null, 1);
        return list;
    }

    /// <summary>The ids under <paramref name="id"/>, at any depth (not itself).</summary>
    public static IReadOnlySet<int> Descendants(int id, IReadOnlyCollection<DisclosureColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var found = new HashSet<int>();
        var queue = new Queue<int>([id]);
        while (queue.Count > 0)
        {
            var at = queue.Dequeue();
            foreach (var child in columns.Where(c => c.ParentId == at))
                if (found.Add(child.Id)) queue.Enqueue(child.Id);
        }
        return found;
    }

    /// <summary>1 for a top-level column.</summary>
    public static int Depth(int id, IReadOnlyCollection<DisclosureColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var depth = 0;
        int? at = id;
        while (at is { } current && depth <= columns.Count)
        {
            depth++;
            at = columns.FirstOrDefault(c => c.Id == current)?.ParentId;
        }
        return depth;
    }

    /// <summary>Levels from <paramref name="id"/> down to its deepest descendant, itself included (1 for a leaf).</summary>
    public static int Height(int id, IReadOnlyCollection<DisclosureColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var children = columns.Where(c => c.ParentId == id).ToList();
        return 1 + (children.Count == 0 ? 0 : children.Max(c => Height(c.Id, columns)));
    }

    /// <summary>
    /// Deleting a column: only one that never held a record and has no children; one with records is retired instead,
    /// so that what was published under it keeps its place (records are kept with their history).
    /// </summary>
    public static void EnsureCanDelete(int recordCount, int childCount)
    {
        if (recordCount > 0) throw new DomainException("栏目下已有信息，不能删除，只能停用。");
        if (childCount > 0) throw new DomainException("栏目下还有下级栏目，请先移走或删除下级栏目。");
    }
}
