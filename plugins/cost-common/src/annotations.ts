/** The team that a component's cloud spend is charged to. */
export const COST_CENTER_ANNOTATION = 'gogidix.io/cost-center';
/** The component's Kubernetes namespace (Backstage's own key). */
export const KUBERNETES_NAMESPACE_ANNOTATION =
  'backstage.io/kubernetes-namespace';
/** The workload label value of the component (Backstage's own key). */
export const KUBERNETES_ID_ANNOTATION = 'backstage.io/kubernetes-id';
