namespace Pyxis.Client.Lambdas;

/// <summary>
/// The page a <c>QueryAllAsync</c> lambda asks for: pass <see cref="Index"/> and <see cref="Size"/> to the root field's
/// <c>page</c> and <c>page_size</c> arguments.
/// </summary>
/// <param name="Index">The zero-based page number.</param>
/// <param name="Size">Items per page.</param>
public readonly record struct PyxisPage(int Index, int Size);
