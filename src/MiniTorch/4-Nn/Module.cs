namespace MiniTorch;

/// <summary>
/// A node of a model tree (MiniTorch's Module, Task 0.4): it owns named parameters and named child modules, both kept
/// in the order they were added, and a training flag shared with its descendants.
/// </summary>
/// <remarks>
/// Registration is explicit: a subclass calls <see cref="AddParameter"/> and <see cref="AddModule{TModule}"/> in its
/// constructor. Walks over the tree are iterative. Modules that compute something derive from
/// <see cref="Module{TInput, TOutput}"/>.
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716", Justification = "Module is the name MiniTorch and PyTorch learners know.")]
public class Module
{
    private readonly OrderedDictionary<string, Parameter> _parameters = new(StringComparer.Ordinal);
    private readonly OrderedDictionary<string, Module> _modules = new(StringComparer.Ordinal);

    /// <summary>True in training mode (the default), false in evaluation mode.</summary>
    public bool Training { get; private set; } = true;

    // course: task 0.4
    /// <summary>The direct children, in the order they were added.</summary>
    /// <returns>The child modules; not their descendants.</returns>
    public IReadOnlyList<Module> Modules() => [.. _modules.Values];

    /// <summary>The direct children with their names, in the order they were added.</summary>
    /// <returns>Pairs of name and child module.</returns>
    public IReadOnlyList<KeyValuePair<string, Module>> NamedModules() => [.. _modules];

    /// <summary>Every parameter of this module and of all its descendants, in the order of <see cref="NamedParameters"/>.</summary>
    /// <returns>The parameters.</returns>
    public IReadOnlyList<Parameter> Parameters() => [.. NamedParameters().Select(p => p.Value)];

    /// <summary>
    /// Every parameter with its dotted path: this module's own first, then each child's prefixed with the child's
    /// name and a dot, depth first in insertion order (for example <c>p1</c>, <c>a.p2</c>, <c>b.c.p3</c>).
    /// </summary>
    /// <returns>Pairs of dotted name and parameter.</returns>
    public IReadOnlyList<KeyValuePair<string, Parameter>> NamedParameters()
    {
        var result = new List<KeyValuePair<string, Parameter>>();
        var pending = new Stack<(string Prefix, Module Module)>();
        pending.Push((string.Empty, this));
        while (pending.TryPop(out var item))
        {
            foreach (var (name, parameter) in item.Module._parameters)
            {
                result.Add(new(item.Prefix + name, parameter));
            }

            // Push children last-first so that they come out in insertion order.
            for (var i = item.Module._modules.Count - 1; i >= 0; i--)
            {
                var (name, child) = item.Module._modules.GetAt(i);
                pending.Push((item.Prefix + name + ".", child));
            }
        }

        return result;
    }
    // course: end

    /// <summary>Looks up a parameter by name or dotted path, for example <c>b.c.p3</c>.</summary>
    /// <param name="path">The parameter's name, prefixed by the names of the child modules that lead to it.</param>
    /// <returns>The parameter.</returns>
    /// <exception cref="KeyNotFoundException">No parameter has that path; the message names it and lists the known ones.</exception>
    public Parameter GetParameter(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var dot = path.LastIndexOf('.');
        var owner = dot < 0 ? this : GetModule(path[..dot]);
        var name = path[(dot + 1)..];
        return owner._parameters.TryGetValue(name, out var parameter)
            ? parameter
            : throw new KeyNotFoundException(
                $"{GetType().Name} has no parameter '{path}'. Known parameters: {Known(NamedParameters().Select(p => p.Key))}.");
    }

    /// <summary>Looks up a child module by name or dotted path, for example <c>b.c</c>.</summary>
    /// <param name="path">The child's name, or names joined by dots to reach a descendant.</param>
    /// <returns>The module.</returns>
    /// <exception cref="KeyNotFoundException">No child has that name; the message names it and lists the children.</exception>
    public Module GetModule(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var current = this;
        foreach (var name in path.Split('.'))
        {
            current = current._modules.TryGetValue(name, out var child)
                ? child
                : throw new KeyNotFoundException(
                    $"{current.GetType().Name} has no child module '{name}' (looking up '{path}'). Children: {Known(current._modules.Keys)}.");
        }

        return current;
    }

    /// <summary>Switches this module and every descendant to training mode.</summary>
    public void Train() => SetTraining(true);

    /// <summary>Switches this module and every descendant to evaluation mode.</summary>
    public void Eval() => SetTraining(false);

    /// <summary>Creates a parameter, registers it under <paramref name="name"/>, and returns it.</summary>
    /// <param name="name">A name unique among this module's parameters and children, without dots.</param>
    /// <param name="value">The initial value; a number becomes a leaf scalar.</param>
    /// <returns>The new parameter, named <paramref name="name"/>.</returns>
    /// <exception cref="ArgumentException">The name is empty, contains a dot, or is already used; the message names it.</exception>
    public Parameter AddParameter(string name, Scalar value)
    {
        CheckNewName(name);
        var parameter = new Parameter(value, name);
        _parameters.Add(name, parameter);
        return parameter;
    }

    /// <summary>Registers a child module under <paramref name="name"/> and returns it.</summary>
    /// <typeparam name="TModule">The child's type, so that the result can be kept in a typed field.</typeparam>
    /// <param name="name">A name unique among this module's parameters and children, without dots.</param>
    /// <param name="module">The child.</param>
    /// <returns><paramref name="module"/>.</returns>
    /// <exception cref="ArgumentException">The name is empty, contains a dot, or is already used; the message names it.</exception>
    public TModule AddModule<TModule>(string name, TModule module)
        where TModule : Module
    {
        ArgumentNullException.ThrowIfNull(module);
        CheckNewName(name);
        _modules.Add(name, module);
        return module;
    }

    /// <summary>
    /// Prints the tree PyTorch style: the class name, then each child indented as <c>(name): Child(...)</c>.
    /// A module without children prints as <c>Name()</c>.
    /// </summary>
    /// <returns>The tree as text, with \n line ends.</returns>
    public override string ToString()
    {
        var lines = new List<string>();
        var pending = new Stack<(Module Module, string Label, int Depth, bool Closing)>();
        pending.Push((this, string.Empty, 0, false));
        while (pending.TryPop(out var item))
        {
            var indent = new string(' ', 2 * item.Depth);
            var module = item.Module;
            if (item.Closing)
            {
                lines.Add(indent + ")");
            }
            else if (module._modules.Count == 0)
            {
                lines.Add($"{indent}{item.Label}{module.GetType().Name}()");
            }
            else
            {
                lines.Add($"{indent}{item.Label}{module.GetType().Name}(");
                pending.Push((module, string.Empty, item.Depth, true));
                for (var i = module._modules.Count - 1; i >= 0; i--)
                {
                    var (name, child) = module._modules.GetAt(i);
                    pending.Push((child, $"({name}): ", item.Depth + 1, false));
                }
            }
        }

        return string.Join('\n', lines);
    }

    private static string Known(IEnumerable<string> names)
    {
        var list = string.Join(", ", names);
        return list.Length == 0 ? "none" : list;
    }

    private void CheckNewName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.Contains('.', StringComparison.Ordinal))
        {
            throw new ArgumentException($"The name '{name}' contains a dot; dots separate the levels of a path.", nameof(name));
        }

        if (_parameters.ContainsKey(name) || _modules.ContainsKey(name))
        {
            throw new ArgumentException($"{GetType().Name} already has a parameter or module named '{name}'.", nameof(name));
        }
    }

    // course: task 0.4: set Training on this module and on every descendant, without recursion
    private void SetTraining(bool training)
    {
        var pending = new Stack<Module>();
        pending.Push(this);
        while (pending.TryPop(out var module))
        {
            module.Training = training;
            foreach (var child in module._modules.Values)
            {
                pending.Push(child);
            }
        }
    }
    // course: end
}
