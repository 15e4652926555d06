/**
 * The most common passwords that are long enough to pass the length rule (from published
 * breach-corpus top lists). Shorter common passwords already fail the length check.
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  '123456789012', '1234567890123', '12345678901234', '123456789123', '1234567891011', '123123123123',
  '111111111111', '000000000000', '121212121212', '123321123321', '987654321098', '098765432109',
  'qwertyuiopas', 'qwertyuiop12', 'qwertyuiop123', 'qwerty123456', 'qwertyqwerty', 'qwerty12345678',
  'asdfghjkl123', 'asdfghjklzxc', 'zxcvbnm12345', '1qaz2wsx3edc', '1q2w3e4r5t6y', 'q1w2e3r4t5y6',
  'password1234', 'password12345', 'password123456', 'passwordpassword', 'password1111', 'mypassword123',
  'password2020', 'password2021', 'password2022', 'password2023', 'password2024', 'password2025', 'password2026',
  'iloveyou1234', 'iloveyouiloveyou', 'letmein12345', 'welcome12345', 'welcome123456', 'welcome2024!',
  'administrator', 'administrator1', 'administrator123', 'adminadmin123', 'admin1234567', 'admin123456789',
  'changeme1234', 'changemenow!', 'trustno1trustno1', 'football1234', 'baseball1234', 'sunshine1234',
  'princess1234', 'starwars1234', 'whatever1234', 'superman1234', 'michael12345', 'abcdefghijkl',
  'abcdefgh1234', 'abc123abc123', 'abcd1234abcd', 'aaaaaaaaaaaa', 'correcthorsebatterystaple',
  'thequickbrownfox', 'letmeinletmein', 'monkeymonkey', 'dragondragon', 'masterpassword', 'secretpassword',
  'qwerty123456789', '1234qwerasdf', 'qwer1234asdf', 'passw0rd1234', 'p@ssw0rd1234', 'p@ssword1234',
  'summer2024!!', 'winter2024!!', 'spring2024!!', 'autumn2024!!', 'welcome2025!', 'welcome2026!',
]);
