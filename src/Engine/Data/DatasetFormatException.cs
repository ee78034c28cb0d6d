namespace AIaaS.Engine.Data;

/// <summary>A rating file has a line that does not follow its format.</summary>
public sealed class DatasetFormatException : FormatException
{
    /// <summary>Creates an exception for <paramref name="filePath"/> at 1-based <paramref name="lineNumber"/>.</summary>
    public DatasetFormatException(string filePath, long lineNumber, string problem)
        : base($"{Path.GetFileName(filePath)} line {lineNumber}: {problem}")
    {
        FilePath = filePath;
        LineNumber = lineNumber;
    }

    /// <summary>Creates an exception with a message only.</summary>
    public DatasetFormatException() : this(string.Empty, 0, "malformed line") { }

    /// <summary>Creates an exception with a message only.</summary>
    public DatasetFormatException(string message) : base(message) => FilePath = string.Empty;

    /// <summary>Creates an exception with a message and an inner exception.</summary>
    public DatasetFormatException(string message, Exception innerException) : base(message, innerException) => FilePath = string.Empty;

    /// <summary>The file with the bad line.</summary>
    public string FilePath { get; }

    /// <summary>1-based line number of the bad line.</summary>
    public long LineNumber { get; }
}
