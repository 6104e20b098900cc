namespace EcoDrive.Kpi;

/// <summary>
/// Dictionary encoding for a column of a fact table: each distinct value gets a small dense code, in order of first
/// appearance. Code 0 may be reserved for "none" (an unassigned owner, no campaign).
/// </summary>
internal sealed class CodeBook<T>
    where T : notnull
{
    private readonly Dictionary<T, int> _codes = [];
    private readonly List<T?> _values = [];
    private readonly int _limit;
    private readonly string _column;

    public CodeBook(string column, int limit, bool reserveNone)
    {
        _column = column;
        _limit = limit;
        if (reserveNone)
        {
            _values.Add(default);
        }
    }

    public int Count => _values.Count;

    public int CodeOf(T value)
    {
        if (_codes.TryGetValue(value, out var code))
        {
            return code;
        }

        if (_values.Count >= _limit)
        {
            throw new InvalidOperationException(
                $"A fact table holds at most {_limit} distinct {_column}; '{value}' would be one more. Split the facts into several tables or aggregate before loading.");
        }

        code = _values.Count;
        _codes.Add(value, code);
        _values.Add(value);
        return code;
    }

    public T?[] ToArray() => [.. _values];
}
