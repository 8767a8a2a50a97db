/**
 * Pytrees: nested containers whose leaves are arrays (or any other non-container value).
 *
 * <p>The data model, with the order in which a node's children are visited:
 * {@snippet lang=text :
 * tree     ::= node | leaf
 * node     ::= record                      components in declaration order; @Static ones are aux
 *            | List | Vector | Array       (Vavr) elements in order
 *            | java.util.List              elements in order; rebuilt unmodifiable
 *            | Tuple0 .. Tuple8            (Vavr) elements in order
 *            | None | Some(tree)           (Vavr Option) no child, or one
 *            | HashMap | java.util.Map     values by sorted key (map order if keys do not compare,
 *                                          or for a java.util.SequencedMap); keys are aux
 *            | LinkedHashMap | TreeMap     (Vavr) values in the map's own order; keys are aux
 *            | TreeNode | registered       children and aux from the class's NodeType
 * leaf     ::= any other non-null object   (Array in practice; String, Integer, enums, ...)
 *
 * TreeDef  ::= Leaf | Node(NodeKind kind, Object aux, Seq<TreeDef> children)
 * NodeKind ::= Builtin | TreeMapKind(comparator) | RecordKind(class) | CustomKind(class, NodeType)
 * KeyPath  ::= Entry*          Entry ::= Field(name) | Index(i) | Key(key)
 * }
 *
 * <p>Why: every transform takes and returns whole parameter sets, batches and optimizer states,
 * not single arrays. {@link dev.jaxj.tree.Tree#flatten} turns any such value into a flat list of
 * leaves, which the transforms work on, and a {@link dev.jaxj.tree.TreeDef}, which holds only
 * structure and static data, so it can key the {@code jit} cache and rebuild the caller's own
 * types on the way out. Records are nodes by default because model parameters and layer
 * states are records; classes JAX would not know are leaves, as in JAX. Other collections
 * (Stream, Set, Queue, ...) are rejected rather than taken as one leaf, and {@code null} is
 * rejected wherever it appears, each with a {@link dev.jaxj.errors.TreeError} naming the key
 * path, because a silently wrong structure surfaces much later as a confusing trace or shape
 * error. Classes that cannot implement {@link dev.jaxj.tree.TreeNode} are registered with
 * {@link dev.jaxj.tree.Tree#register} or {@link dev.jaxj.tree.Tree#registerLeaf}.
 */
package dev.jaxj.tree;
