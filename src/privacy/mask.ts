export const maskPii = (text: string) => text.replace(/\S+@\S+\.\S+/g, '[email]')
