using System.Collections.Concurrent;
using System.Reflection;
using System.Reflection.Emit;

namespace MiniTorch;

/// <summary>
/// A scalar rule (an <see cref="Operators"/> method, or a function's static <c>Back</c>) read from its own IL as a
/// formula of its arguments, so that generated code can compute it on vectors, lane by lane, with exactly the scalar
/// operations: the derivative stays written once, in <c>Back</c>, and the vector code is derived from it.
/// </summary>
/// <remarks>
/// <para>
/// Why read IL rather than ask each function for a vector version of its <c>Back</c>: each rule is written once, as a
/// static method on doubles: a function's <c>Back</c>, and the <see cref="Operators"/> methods it calls
/// (<see cref="Operators.ReluBack"/>, say), which a learner of the course writes in task 0.1 as
/// <c>x &gt; 0.0 ? d : 0.0</c>. A second, lane-wise version per rule would be the same rule written twice; one version
/// generic over doubles and vectors would need an interface of lane operations (no .NET interface covers both
/// <see cref="double"/> and <see cref="System.Runtime.Intrinsics.Vector256{T}"/>) and would turn every rule, the
/// learner's included, into calls of it. Reading the IL keeps each rule as written and derives the lane-wise code from
/// it; a rule the reader does not follow still runs, lane by lane, through the scalar method. <c>LaneFormulaTests</c>
/// check every rule the reader reads against the scalar method, bit for bit, in every width, and that every
/// <c>Back</c> of the library is readable.
/// </para>
/// <para>
/// The reader follows the method's IL symbolically: arguments, double constants, <c>add</c>, <c>sub</c>, <c>mul</c>,
/// <c>div</c>, <c>neg</c>, calls of other static rules of the library (followed into their IL), locals, and forward
/// branches on a comparison of doubles, whose two sides both become formulas joined by a selection. Anything else
/// (a call of <see cref="Math.Exp"/>, a loop, an integer) makes the rule unreadable: <see cref="Of(MethodInfo)"/> returns
/// <see langword="null"/> and the generated code calls the scalar method once per lane instead.
/// </para>
/// <para>
/// Why a lane gets the scalar method's bits: each arithmetic node is one IEEE operation of the same operands in the
/// same order; a comparison is the same ordered (or, for the <c>.un</c> branches, unordered) test; a selection copies
/// the bits of the side the scalar code would have returned, and computing the other side has no effect.
/// </para>
/// </remarks>
internal sealed class LaneFormula
{
    // A rule longer than this is not worth reading (the rules of the library are a few instructions).
    private const int MaxInstructions = 64;

    // How deep calls of other rules are followed.
    private const int MaxCallDepth = 4;

    private static readonly ConcurrentDictionary<MethodInfo, LaneFormula?> Known = new();

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(code => code.Value);

    private readonly Node[] _nodes;

    private LaneFormula(Node[] nodes, int arity)
    {
        _nodes = nodes;
        Arity = arity;
    }

    /// <summary>The operations of a formula node.</summary>
    private enum Kind
    {
        Argument,
        Constant,
        Add,
        Subtract,
        Multiply,
        Divide,
        Negate,
        GreaterThan,
        GreaterThanOrEqual,
        LessThan,
        LessThanOrEqual,
        EqualTo,
        Not,
        Select,
    }

    /// <summary>How many arguments the rule takes.</summary>
    public int Arity { get; }

    /// <summary>The formula of <paramref name="rule"/>, read once per rule.</summary>
    /// <param name="rule">A static method that takes and returns doubles.</param>
    /// <returns>The formula, or <see langword="null"/> when the IL holds something the reader does not follow.</returns>
    public static LaneFormula? Of(MethodInfo rule) => Of(rule, depth: 0);

    /// <summary>Whether the formula is arithmetic alone: no comparison, so that it runs on doubles as plain IL.</summary>
    public bool IsArithmetic => _nodes.All(node => node.Kind is Kind.Argument or Kind.Constant or Kind.Add or Kind.Subtract or Kind.Multiply or Kind.Divide or Kind.Negate);

    /// <summary>
    /// Emits the formula on vectors: leaves its value, a vector of <paramref name="vector"/>'s type, on the stack.
    /// </summary>
    /// <param name="il">Where to emit.</param>
    /// <param name="vector">The vector type.</param>
    /// <param name="pushArgument">Pushes argument i as a vector; called once per use of the argument.</param>
    public void Emit(ILGenerator il, LaneVector vector, Action<int> pushArgument) => Walk(pushArgument, node =>
    {
        switch (node.Kind)
        {
            case Kind.Constant:
                il.Emit(OpCodes.Ldc_R8, node.Value);
                il.Emit(OpCodes.Call, vector.Broadcast);
                break;
            case Kind.Negate:
                il.Emit(OpCodes.Ldc_R8, -0.0);
                il.Emit(OpCodes.Call, vector.Broadcast);
                il.Emit(OpCodes.Call, vector.Xor);
                break;
            default:
                il.Emit(OpCodes.Call, node.Kind switch
                {
                    Kind.Add => vector.Add,
                    Kind.Subtract => vector.Subtract,
                    Kind.Multiply => vector.Multiply,
                    Kind.Divide => vector.Divide,
                    Kind.GreaterThan => vector.GreaterThan,
                    Kind.GreaterThanOrEqual => vector.GreaterThanOrEqual,
                    Kind.LessThan => vector.LessThan,
                    Kind.LessThanOrEqual => vector.LessThanOrEqual,
                    Kind.EqualTo => vector.EqualTo,
                    Kind.Not => vector.OnesComplement,

                    // The mask, then the value where it is set, then the value elsewhere.
                    _ => vector.ConditionalSelect,
                });
                break;
        }
    });

    /// <summary>Emits an arithmetic formula (<see cref="IsArithmetic"/>) on doubles: the IL the rule's own body holds.</summary>
    /// <param name="il">Where to emit.</param>
    /// <param name="pushArgument">Pushes argument i; called once per use of the argument.</param>
    public void EmitScalar(ILGenerator il, Action<int> pushArgument) => Walk(pushArgument, node =>
    {
        if (node.Kind == Kind.Constant)
        {
            il.Emit(OpCodes.Ldc_R8, node.Value);
        }
        else
        {
            il.Emit(node.Kind switch
            {
                Kind.Add => OpCodes.Add,
                Kind.Subtract => OpCodes.Sub,
                Kind.Multiply => OpCodes.Mul,
                Kind.Divide => OpCodes.Div,
                Kind.Negate => OpCodes.Neg,
                _ => throw new InvalidOperationException($"{node.Kind} is not arithmetic."),
            });
        }
    });

    // Visits the formula's tree operands first (an argument pushed where it is used), with a stack of its own rather
    // than recursion.
    private void Walk(Action<int> pushArgument, Action<Node> emitOperation)
    {
        var pending = new Stack<(int Node, bool OperandsDone)>();
        pending.Push((_nodes.Length - 1, false));
        while (pending.TryPop(out var item))
        {
            var node = _nodes[item.Node];
            if (node.Kind == Kind.Argument)
            {
                pushArgument(node.A);
            }
            else if (item.OperandsDone)
            {
                emitOperation(node);
            }
            else
            {
                pending.Push((item.Node, true));
                foreach (var operand in node.Operands().AsEnumerable().Reverse())
                {
                    pending.Push((operand, false));
                }
            }
        }
    }

    private static LaneFormula? Of(MethodInfo rule, int depth) =>
        depth > MaxCallDepth ? null : Known.GetOrAdd(rule, method => Read(method, depth));

    private static LaneFormula? Read(MethodInfo rule, int depth)
    {
        var parameters = rule.GetParameters();
        if (!rule.IsStatic || rule.ReturnType != typeof(double) || parameters.Any(p => p.ParameterType != typeof(double))
            || rule.GetMethodBody()?.GetILAsByteArray() is not { } bytes)
        {
            return null;
        }

        var instructions = Decode(bytes);
        return instructions is null ? null : new Reader(rule, instructions, depth).Run(parameters.Length);
    }

    // The instructions of a method body, or null when it holds an opcode whose operand the reader cannot size.
    private static List<Instruction>? Decode(byte[] bytes)
    {
        var instructions = new List<Instruction>();
        var at = 0;
        while (at < bytes.Length && instructions.Count <= MaxInstructions)
        {
            var start = at;
            var value = (short)bytes[at++];
            if (value == 0xFE && at < bytes.Length)
            {
                value = (short)(0xFE00 | bytes[at++]);
            }

            if (!OpCodesByValue.TryGetValue(value, out var code))
            {
                return null;
            }

            var size = code.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => -1,
                _ => 4,
            };
            if (size < 0 || at + size > bytes.Length)
            {
                return null;
            }

            var operand = size switch
            {
                0 => 0L,
                1 => code.OperandType == OperandType.ShortInlineBrTarget ? (sbyte)bytes[at] : bytes[at],
                2 => BitConverter.ToUInt16(bytes, at),
                4 => BitConverter.ToInt32(bytes, at),
                _ => BitConverter.ToInt64(bytes, at),
            };
            at += size;
            instructions.Add(new Instruction(start, at, code, operand));
        }

        return instructions.Count <= MaxInstructions ? instructions : null;
    }

    /// <summary>
    /// One node: an operation and the nodes (earlier in the list) it takes; a selection takes the mask, the value where
    /// it is set and the value elsewhere. An argument node keeps the argument's index in A.
    /// </summary>
    private readonly record struct Node(Kind Kind, int A = -1, int B = -1, int C = -1, double Value = 0.0)
    {
        public int[] Operands() => Kind == Kind.Argument ? [] : [.. new[] { A, B, C }.Where(operand => operand >= 0)];
    }

    /// <summary>One IL instruction: where it starts and ends, its opcode, and its operand (0 when it has none).</summary>
    private readonly record struct Instruction(int Start, int End, OpCode Code, long Operand);

    /// <summary>
    /// Follows a method's IL from its start to every <c>ret</c>, keeping the evaluation stack and the locals as nodes;
    /// at a conditional branch it follows the taken side first, then the other, and joins their results with a
    /// selection (a stack of pending branches instead of recursion).
    /// </summary>
    private sealed class Reader(MethodInfo rule, List<Instruction> instructions, int depth)
    {
        private readonly List<Node> _nodes = [];

        public LaneFormula? Run(int arity)
        {
            var arguments = new int[arity];
            for (var i = 0; i < arity; i++)
            {
                arguments[i] = Add(new Node(Kind.Argument, i));
            }

            var result = Follow(arguments);
            return result < 0 ? null : new LaneFormula([.. _nodes], arity);
        }

        /// <summary>Follows the method with the given argument nodes; returns the node of its result, or −1 when unreadable.</summary>
        public int Follow(int[] arguments)
        {
            var branches = new Stack<Branch>();
            var state = new State(0, [], new Dictionary<int, int>());
            while (true)
            {
                var outcome = Step(state, arguments, branches, out var returned);
                if (outcome == Outcome.Unreadable)
                {
                    return -1;
                }

                if (outcome == Outcome.Continue)
                {
                    continue;
                }

                // A side returned: it completes the branches waiting for it, innermost first.
                var value = returned;
                while (true)
                {
                    if (!branches.TryPop(out var branch))
                    {
                        return value;
                    }

                    if (branch.Taken < 0)
                    {
                        branches.Push(branch with { Taken = value });
                        state = branch.Other;
                        break;
                    }

                    value = Add(new Node(Kind.Select, branch.Condition, branch.Taken, value));
                }
            }
        }

        // Runs instructions from state.At until a ret (Returned), a conditional branch (Continue, with the taken side
        // as the new state) or something unreadable.
        private Outcome Step(State state, int[] arguments, Stack<Branch> branches, out int returned)
        {
            returned = -1;
            var stack = state.Stack;
            var guard = 0;
            while (guard++ <= MaxInstructions)
            {
                var index = instructions.FindIndex(i => i.Start == state.At);
                if (index < 0)
                {
                    return Outcome.Unreadable;
                }

                var instruction = instructions[index];
                var code = instruction.Code;
                var next = instruction.End;
                if (code == OpCodes.Ret)
                {
                    returned = stack.Count == 1 ? stack[0] : -1;
                    return returned < 0 ? Outcome.Unreadable : Outcome.Returned;
                }

                if (code.FlowControl == FlowControl.Cond_Branch)
                {
                    if (stack.Count < 2 || Comparison(code) is not var (kind, negated))
                    {
                        return Outcome.Unreadable;
                    }

                    var target = next + (int)instruction.Operand;
                    if (target <= instruction.Start)
                    {
                        return Outcome.Unreadable;
                    }

                    var condition = Add(new Node(kind, stack[^2], stack[^1]));
                    condition = negated ? Add(new Node(Kind.Not, condition)) : condition;
                    List<int> rest = [.. stack.SkipLast(2)];
                    branches.Push(new Branch(condition, -1, state with { At = next, Stack = [.. rest], Locals = new(state.Locals) }));
                    state.At = target;
                    state.Stack = rest;
                    return Outcome.Continue;
                }

                if (code == OpCodes.Br || code == OpCodes.Br_S)
                {
                    next += (int)instruction.Operand;
                    if (next <= instruction.Start)
                    {
                        return Outcome.Unreadable;
                    }
                }
                else if (!Apply(instruction, stack, state.Locals, arguments))
                {
                    return Outcome.Unreadable;
                }

                state.At = next;
            }

            return Outcome.Unreadable;
        }

        // The effect on the stack of an instruction that neither branches nor returns; false when unreadable.
        private bool Apply(Instruction instruction, List<int> stack, Dictionary<int, int> locals, int[] arguments)
        {
            var code = instruction.Code;
            if (code == OpCodes.Nop)
            {
                return true;
            }

            if (Argument(code, instruction.Operand) is { } argument)
            {
                if (argument >= arguments.Length)
                {
                    return false;
                }

                stack.Add(arguments[argument]);
                return true;
            }

            if (Local(code, instruction.Operand) is var (local, store))
            {
                if (store)
                {
                    if (stack.Count == 0)
                    {
                        return false;
                    }

                    locals[local] = stack[^1];
                    stack.RemoveAt(stack.Count - 1);
                    return true;
                }

                if (!locals.TryGetValue(local, out var value))
                {
                    return false;
                }

                stack.Add(value);
                return true;
            }

            if (code == OpCodes.Ldc_R8)
            {
                stack.Add(Add(new Node(Kind.Constant, Value: BitConverter.Int64BitsToDouble(instruction.Operand))));
                return true;
            }

            if (code == OpCodes.Dup && stack.Count > 0)
            {
                stack.Add(stack[^1]);
                return true;
            }

            if (code == OpCodes.Neg && stack.Count > 0)
            {
                stack[^1] = Add(new Node(Kind.Negate, stack[^1]));
                return true;
            }

            if (Arithmetic(code) is { } kind && stack.Count >= 2)
            {
                var node = Add(new Node(kind, stack[^2], stack[^1]));
                stack.RemoveRange(stack.Count - 2, 2);
                stack.Add(node);
                return true;
            }

            return code == OpCodes.Call && Call(instruction, stack);
        }

        // A call of another rule of the library: its formula, with the arguments on the stack in place of its own.
        private bool Call(Instruction instruction, List<int> stack)
        {
            if (rule.Module.ResolveMethod((int)instruction.Operand) is not MethodInfo callee
                || callee.DeclaringType?.Assembly != typeof(Operators).Assembly
                || Of(callee, depth + 1) is not { } formula
                || stack.Count < formula.Arity)
            {
                return false;
            }

            var arguments = stack.Skip(stack.Count - formula.Arity).ToArray();
            stack.RemoveRange(stack.Count - formula.Arity, formula.Arity);
            var copied = new int[formula._nodes.Length];
            for (var n = 0; n < formula._nodes.Length; n++)
            {
                var node = formula._nodes[n];
                copied[n] = node.Kind == Kind.Argument
                    ? arguments[node.A]
                    : Add(node with { A = At(copied, node.A), B = At(copied, node.B), C = At(copied, node.C) });
            }

            stack.Add(copied[^1]);
            return true;
        }

        private static int At(int[] copied, int operand) => operand < 0 ? -1 : copied[operand];

        private int Add(Node node)
        {
            _nodes.Add(node);
            return _nodes.Count - 1;
        }

        private static int? Argument(OpCode code, long operand) =>
            code == OpCodes.Ldarg_0 ? 0 : code == OpCodes.Ldarg_1 ? 1 : code == OpCodes.Ldarg_2 ? 2 : code == OpCodes.Ldarg_3 ? 3
            : code == OpCodes.Ldarg_S || code == OpCodes.Ldarg ? (int)operand : null;

        private static (int Index, bool Store)? Local(OpCode code, long operand) =>
            code == OpCodes.Ldloc_0 ? (0, false) : code == OpCodes.Ldloc_1 ? (1, false) : code == OpCodes.Ldloc_2 ? (2, false) : code == OpCodes.Ldloc_3 ? (3, false)
            : code == OpCodes.Ldloc_S || code == OpCodes.Ldloc ? ((int)operand, false)
            : code == OpCodes.Stloc_0 ? (0, true) : code == OpCodes.Stloc_1 ? (1, true) : code == OpCodes.Stloc_2 ? (2, true) : code == OpCodes.Stloc_3 ? (3, true)
            : code == OpCodes.Stloc_S || code == OpCodes.Stloc ? ((int)operand, true)
            : null;

        private static Kind? Arithmetic(OpCode code) =>
            code == OpCodes.Add ? Kind.Add : code == OpCodes.Sub ? Kind.Subtract : code == OpCodes.Mul ? Kind.Multiply
            : code == OpCodes.Div ? Kind.Divide : null;

        // A conditional branch as the comparison that takes it: beq a = b; bgt a > b; bgt.un not (a ≤ b), true on NaN; …
        private static (Kind Kind, bool Negated)? Comparison(OpCode code) =>
            code == OpCodes.Beq || code == OpCodes.Beq_S ? (Kind.EqualTo, false)
            : code == OpCodes.Bne_Un || code == OpCodes.Bne_Un_S ? (Kind.EqualTo, true)
            : code == OpCodes.Bgt || code == OpCodes.Bgt_S ? (Kind.GreaterThan, false)
            : code == OpCodes.Bgt_Un || code == OpCodes.Bgt_Un_S ? (Kind.LessThanOrEqual, true)
            : code == OpCodes.Bge || code == OpCodes.Bge_S ? (Kind.GreaterThanOrEqual, false)
            : code == OpCodes.Bge_Un || code == OpCodes.Bge_Un_S ? (Kind.LessThan, true)
            : code == OpCodes.Blt || code == OpCodes.Blt_S ? (Kind.LessThan, false)
            : code == OpCodes.Blt_Un || code == OpCodes.Blt_Un_S ? (Kind.GreaterThanOrEqual, true)
            : code == OpCodes.Ble || code == OpCodes.Ble_S ? (Kind.LessThanOrEqual, false)
            : code == OpCodes.Ble_Un || code == OpCodes.Ble_Un_S ? (Kind.GreaterThan, true)
            : null;
    }

    /// <summary>Where the reader is in the method: the next instruction's offset, the evaluation stack, the locals.</summary>
    private sealed record State(int At, List<int> Stack, Dictionary<int, int> Locals)
    {
        public int At { get; set; } = At;

        public List<int> Stack { get; set; } = Stack;
    }

    /// <summary>A conditional branch whose taken side is being followed (<see cref="Taken"/> −1) or has returned.</summary>
    private sealed record Branch(int Condition, int Taken, State Other);

    private enum Outcome
    {
        Continue,
        Returned,
        Unreadable,
    }
}
