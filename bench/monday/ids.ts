export const channelId = (i: number) => `C${String(i).padStart(8, '0')}`;
export const ownerId = (i: number) => `U${String(i % 200).padStart(8, '0')}`;
