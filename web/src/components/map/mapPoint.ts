export interface MapPoint {
  lat: number;
  lng: number;
  label: string;
  kind: 'location' | 'marker';
  main?: boolean;
}
